import { useEffect, useState, type FormEvent } from 'react';
import { href } from '../app/router.ts';
import { useQuery } from '../api/useOperation.ts';
import { useSession } from '../auth/SessionContext.tsx';
import {
  ConsolePersonByIdNumberDocument,
  ConsoleSearchPersonsDocument,
  type ConsoleSearchPersonsQueryVariables,
} from '../gql/graphql.ts';
import { divisionOptionsFor } from '../identity/divisions.ts';
import { checkIdNumber } from '../identity/idNumberCheck.ts';
import { rememberIdNumber } from '../identity/rememberedIdNumbers.ts';
import { purposeProblem } from '../purpose/purpose.ts';
import { usePurpose } from '../purpose/PurposeContext.tsx';
import { draftOf, PurposeField, purposeOf } from '../purpose/PurposeField.tsx';
import { Empty, FailureBox, Loading } from '../ui/Status.tsx';
import { GENDER_NAMES } from '../ui/labels.ts';

type Mode = 'ID' | 'NAME' | 'PHONE';

interface PersonRow {
  id: string;
  name: string | null;
  gender: string | null;
  age: number | null;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  town: { name: string | null } | null;
  county: { name: string | null } | null;
}

const PAGE = 20;

/** Person search: by ID number (checked as typed), by name, or by the last four digits of a phone number. */
export function SearchPage() {
  const { session } = useSession();
  const { purpose, setPurpose } = usePurpose();
  const [mode, setMode] = useState<Mode>('ID');
  const [idNumber, setIdNumber] = useState('');
  const [name, setName] = useState('');
  const [phoneSuffix, setPhoneSuffix] = useState('');
  const [division, setDivision] = useState('');
  const [draft, setDraft] = useState(() => draftOf(purpose));
  const [tried, setTried] = useState(false);
  const [byId, setById] = useState<{ idNumber: string } | null>(null);
  const [search, setSearch] = useState<ConsoleSearchPersonsQueryVariables | null>(null);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);

  useEffect(() => setDraft(draftOf(purpose)), [purpose]);

  const check = checkIdNumber(idNumber);
  const divisions = divisionOptionsFor(session?.claims?.jurisdiction ?? []);
  const inputOk = mode === 'ID' ? check.state === 'valid' : mode === 'NAME' ? name.trim().length > 0 : /^\d{4}$/.test(phoneSuffix);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const next = purposeOf(draft);
    if (purposeProblem(next) || !inputOk) return;
    setPurpose(next);
    setCursors([null]);
    if (mode === 'ID' && check.state === 'valid') {
      setSearch(null);
      setById({ idNumber: check.number });
    } else {
      setById(null);
      setSearch({
        first: PAGE,
        ...(mode === 'NAME' ? { name: name.trim() } : { phoneSuffix }),
        ...(division ? { division } : {}),
      });
    }
  };

  const one = useQuery(ConsolePersonByIdNumberDocument, byId);
  const many = useQuery(ConsoleSearchPersonsDocument, search ? { ...search, after: cursors[cursors.length - 1] ?? null } : null);

  useEffect(() => {
    const found = one.outcome?.data?.personByIdNumber;
    if (found && byId) rememberIdNumber(found.id, byId.idNumber);
  }, [one.outcome, byId]);

  const rows: PersonRow[] = byId ? (one.outcome?.data?.personByIdNumber ? [one.outcome.data.personByIdNumber] : []) : (many.outcome?.data?.searchPersons.nodes ?? []);
  const state = byId ? one : many;
  const connection = many.outcome?.data?.searchPersons;

  return (
    <div className="page search-page">
      <h1>人员查询</h1>
      <form className="panel" onSubmit={submit} data-testid="search-form">
        <div className="tabs" role="tablist">
          {(
            [
              ['ID', '按身份证号码'],
              ['NAME', '按姓名'],
              ['PHONE', '按手机号后四位'],
            ] as const
          ).map(([m, text]) => (
            <button key={m} type="button" role="tab" aria-selected={mode === m} className={mode === m ? 'tab active' : 'tab'} onClick={() => setMode(m)} data-testid={`search-mode-${m}`}>
              {text}
            </button>
          ))}
        </div>
        {mode === 'ID' ? (
          <div className="field">
            <label htmlFor="id-number">公民身份号码</label>
            <input
              id="id-number"
              className={`id-input id-${check.state}`}
              value={idNumber}
              maxLength={18}
              inputMode="text"
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setIdNumber(e.target.value.toUpperCase())}
              placeholder="18 位号码，末位可为 X"
              data-testid="id-number-input"
            />
            <p className={`id-check id-check-${check.state}`} data-testid="id-number-check" data-state={check.state} aria-live="polite">
              {check.state === 'empty' ? '输入时按国家标准（GB 11643）校验号码' : check.message}
            </p>
          </div>
        ) : mode === 'NAME' ? (
          <div className="field">
            <label htmlFor="name">姓名（或姓名开头）</label>
            <input id="name" value={name} onChange={(e) => setName(e.target.value)} data-testid="name-input" />
          </div>
        ) : (
          <div className="field">
            <label htmlFor="phone">手机号后四位</label>
            <input id="phone" value={phoneSuffix} maxLength={4} inputMode="numeric" onChange={(e) => setPhoneSuffix(e.target.value.replace(/\D/g, ''))} data-testid="phone-input" />
          </div>
        )}
        {mode !== 'ID' ? (
          <div className="field">
            <label htmlFor="division">区划（可选）</label>
            <select id="division" value={division} onChange={(e) => setDivision(e.target.value)}>
              <option value="">全部辖区</option>
              {divisions.map((d) => (
                <option key={d.code} value={d.code}>
                  {'　'.repeat(d.depth)}
                  {d.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <PurposeField draft={draft} onChange={setDraft} showProblem={tried} />
        <button type="submit" className="primary" disabled={!inputOk} data-testid="search-submit">
          查询
        </button>
      </form>

      {state.loading ? <Loading what="查询结果" /> : null}
      {state.failure ? <FailureBox failure={state.failure} onRetry={state.reload} /> : null}
      {state.outcome && rows.length === 0 ? <Empty>未找到符合条件的人员（或不在您的辖区内）。</Empty> : null}
      {rows.length > 0 ? (
        <section className="panel">
          <h2>查询结果{connection && !byId ? `（共 ${connection.totalCount} 人）` : ''}</h2>
          <table className="table" data-testid="search-results">
            <thead>
              <tr>
                <th>姓名</th>
                <th>性别</th>
                <th>年龄</th>
                <th>身份证号码</th>
                <th>手机号码</th>
                <th>所在地</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id} data-testid="person-result">
                  <td>{p.name ?? '—'}</td>
                  <td>{p.gender ? GENDER_NAMES[p.gender] : '—'}</td>
                  <td>{p.age ?? '—'}</td>
                  <td className="mono">{p.idNumberMasked ?? '—'}</td>
                  <td className="mono">{p.phoneMasked ?? '—'}</td>
                  <td>{[p.county?.name, p.town?.name].filter(Boolean).join(' ') || '—'}</td>
                  <td>
                    <a href={href.person(p.id)} data-testid="open-person">
                      查看一人一档
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {!byId && connection ? (
            <div className="pager">
              <button type="button" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
                上一页
              </button>
              <span>第 {cursors.length} 页</span>
              <button type="button" disabled={!connection.pageInfo.hasNextPage} onClick={() => setCursors((c) => [...c, connection.pageInfo.endCursor ?? null])}>
                下一页
              </button>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
