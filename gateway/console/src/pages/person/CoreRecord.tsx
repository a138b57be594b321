import { useState } from 'react';
import { href, navigate } from '../../app/router.ts';
import { isWithheld, unavailableAgencies } from '../../api/partial.ts';
import { useQuery, type QueryState } from '../../api/useOperation.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { ConsolePersonFullNumbersDocument, type ConsolePersonQuery } from '../../gql/graphql.ts';
import { startIntakeFor } from '../tickets/pendingIntake.ts';
import { formatDate } from '../../ui/format.ts';
import { GENDER_NAMES } from '../../ui/labels.ts';
import { Empty, FailureBox, Loading, Unavailable, Value } from '../../ui/Status.tsx';

/** The centre's core record of the person (grid): masked by default, full numbers on request if the user may see them. */
export function CoreRecord({ id, state }: { id: string; state: QueryState<ConsolePersonQuery> }) {
  const { hasScope } = useSession();
  const [unmask, setUnmask] = useState(false);
  const full = useQuery(ConsolePersonFullNumbersDocument, unmask ? { id } : null);
  const person = state.outcome?.data?.person;

  if (state.loading && !person) return <section className="panel"><Loading what="基本信息" /></section>;
  if (state.failure) return <section className="panel"><FailureBox failure={state.failure} onRetry={state.reload} /></section>;
  if (state.outcome && !person) {
    return (
      <section className="panel">
        {unavailableAgencies(state.outcome).has('GRID') ? <Unavailable agency="GRID" /> : <Empty>未找到此人，或此人不在您的辖区内。</Empty>}
      </section>
    );
  }
  if (!person) return null;
  const withheld = (field: string) => isWithheld(state.outcome, ['person', field]);
  const fullPerson = full.outcome?.data?.person;
  const canUnmask = hasScope('person:id_number') || hasScope('person:phone');

  return (
    <section className="panel core-record" data-testid="core-record">
      <div className="record-head">
        <h1 data-testid="person-name">{person.name ?? '—'}</h1>
        <span className="hint">
          {person.gender ? GENDER_NAMES[person.gender] : ''} {person.age !== null ? `${person.age} 岁` : ''}
        </span>
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              startIntakeFor({ personId: person.id, name: person.name ?? '' });
              navigate(href.tickets());
            }}
            data-testid="intake-for-person"
          >
            为此人登记矛盾纠纷
          </button>
        </div>
      </div>
      <dl className="facts">
        <dt>身份证号码</dt>
        <dd className="mono" data-testid="id-number-masked">
          {person.idNumberMasked ?? '—'}
          {unmask ? (
            <span className="unmasked" data-testid="id-number-full">
              {' '}
              完整：{full.loading ? '…' : <Value withheld={isWithheld(full.outcome, ['person', 'idNumber'])}>{fullPerson?.idNumber}</Value>}
            </span>
          ) : null}
        </dd>
        <dt>手机号码</dt>
        <dd className="mono" data-testid="phone-masked">
          {person.phoneMasked ?? '—'}
          {unmask ? (
            <span className="unmasked">
              {' '}
              完整：{full.loading ? '…' : <Value withheld={isWithheld(full.outcome, ['person', 'phone'])}>{fullPerson?.phone}</Value>}
            </span>
          ) : null}
        </dd>
        <dt>出生日期</dt>
        <dd>{formatDate(person.birthDate)}</dd>
        <dt>现住址</dt>
        <dd>{person.address ?? '—'}</dd>
        <dt>所在地</dt>
        <dd>{[person.county?.name, person.town?.name].filter(Boolean).join(' ') || '—'}</dd>
        <dt>所在网格</dt>
        <dd>{person.gridCell ? `${person.gridCell.name}（网格员 ${person.gridCell.workerName}，${person.gridCell.workerPhone}）` : '—'}</dd>
        <dt>特殊人群标签</dt>
        <dd data-testid="special-population">
          <Value withheld={withheld('specialPopulationTags')}>{person.specialPopulationTags?.length ? person.specialPopulationTags.join('、') : '无'}</Value>
        </dd>
        <dt>同户成员</dt>
        <dd>
          {person.household?.members.length
            ? person.household.members
                .filter((m) => m.id !== person.id)
                .map((m, i) => (
                  <span key={m.id}>
                    {i > 0 ? '、' : ''}
                    <a href={href.person(m.id)}>{m.name ?? '—'}</a>
                  </span>
                ))
            : '—'}
        </dd>
      </dl>
      {!unmask ? (
        <p className="hint">
          号码默认脱敏显示。
          {canUnmask ? (
            <button type="button" className="link" onClick={() => setUnmask(true)} data-testid="unmask">
              查看完整号码（记入审计）
            </button>
          ) : (
            '您的权限不包括查看完整号码。'
          )}
        </p>
      ) : null}
      {full.failure ? <FailureBox failure={full.failure} /> : null}
    </section>
  );
}
