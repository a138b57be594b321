import { useEffect, useState, type FormEvent } from 'react';
import { href, navigate } from '../../app/router.ts';
import { useMutation } from '../../api/useOperation.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { ENUM_DESCRIPTIONS } from '../../gql/enumDescriptions.ts';
import {
  ConsoleIntakeDisputeDocument,
  type IntakeChannel,
  type MatterCategory,
  type PartyRole,
  type Severity,
  type Tier,
} from '../../gql/graphql.ts';
import { townOptionsFor } from '../../identity/divisions.ts';
import { checkIdNumber } from '../../identity/idNumberCheck.ts';
import { typedIdNumber } from '../../identity/rememberedIdNumbers.ts';
import { isCaseCode, purposeProblem } from '../../purpose/purpose.ts';
import { usePurpose } from '../../purpose/PurposeContext.tsx';
import { draftOf, PurposeField, purposeOf } from '../../purpose/PurposeField.tsx';
import { label } from '../../ui/labels.ts';
import { FailureBox } from '../../ui/Status.tsx';
import { newIdempotencyKey } from './idempotencyKey.ts';
import { clearPendingIntake, pendingIntake } from './pendingIntake.ts';

interface PartyDraft {
  role: PartyRole;
  name: string;
  idNumber: string;
  phone: string;
}

const PARTY_ROLES: PartyRole[] = ['APPLICANT', 'RESPONDENT', 'THIRD_PARTY', 'AGENT'];
const keys = <E extends keyof typeof ENUM_DESCRIPTIONS>(e: E) => Object.keys(ENUM_DESCRIPTIONS[e]);

/**
 * 窗口受理登记 (intake at the single window). The idempotency key is made
 * when the form opens and kept until the ticket exists: pressing 提交 again
 * after a lost answer cannot make a second ticket.
 */
export function IntakeForm() {
  const { session } = useSession();
  const { purpose, setPurpose } = usePurpose();
  const towns = townOptionsFor(session?.claims?.jurisdiction ?? []);
  const [pending] = useState(pendingIntake);
  useEffect(clearPendingIntake, []);
  const [key, setKey] = useState(newIdempotencyKey);
  const [channel, setChannel] = useState<IntakeChannel>('WALK_IN');
  const [category, setCategory] = useState<MatterCategory>('NEIGHBOUR');
  const [severity, setSeverity] = useState<Severity>('ORDINARY');
  const [tier, setTier] = useState<Tier>('VILLAGE');
  const [division, setDivision] = useState(towns[0]?.code ?? '');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [origin, setOrigin] = useState('');
  const [parties, setParties] = useState<PartyDraft[]>([
    { role: 'APPLICANT', name: pending?.name ?? '', idNumber: pending ? (typedIdNumber(pending.personId) ?? '') : '', phone: '' },
  ]);
  const [draft, setDraft] = useState(() => (purpose ? draftOf(purpose) : { kind: 'REASON' as const, caseCode: '', text: '窗口受理矛盾纠纷登记' }));
  const [tried, setTried] = useState(false);
  const intake = useMutation(ConsoleIntakeDisputeDocument);

  const partyProblems = parties.map((p) => {
    if (!p.name.trim()) return '请填写姓名或单位名称';
    const check = checkIdNumber(p.idNumber);
    if (check.state === 'typing' || check.state === 'invalid') return `身份证号码：${check.message}`;
    return undefined;
  });
  const problems = [
    !title.trim() ? '请填写标题' : undefined,
    !description.trim() ? '请填写纠纷情况' : undefined,
    !division ? '请选择发生地乡镇（街道）' : undefined,
    origin.trim() && !isCaseCode(origin) ? '来源事项的案件编码格式不对' : undefined,
    ...partyProblems,
  ].filter((p): p is string => p !== undefined);

  const setParty = (i: number, change: Partial<PartyDraft>) => setParties((list) => list.map((p, j) => (j === i ? { ...p, ...change } : p)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const stated = purposeOf(draft);
    if (problems.length > 0 || purposeProblem(stated)) return;
    setPurpose(stated);
    const outcome = await intake.mutate({
      idempotencyKey: key,
      input: {
        channel,
        category,
        severity,
        tier,
        division,
        title: title.trim(),
        description: description.trim(),
        ...(origin.trim() ? { origin: origin.trim() } : {}),
        parties: parties.map((p) => {
          const check = checkIdNumber(p.idNumber);
          return {
            role: p.role,
            name: p.name.trim(),
            ...(check.state === 'valid' ? { idNumber: check.number } : {}),
            ...(p.phone.trim() ? { phone: p.phone.trim() } : {}),
          };
        }),
      },
    }, stated);
    const made = outcome?.data?.intakeDispute;
    if (made) {
      setKey(newIdempotencyKey());
      navigate(href.ticket(made.caseCode));
    }
  };

  return (
    <form className="panel intake" onSubmit={(e) => void submit(e)} data-testid="intake-form">
      <h2>窗口受理登记</h2>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="intake-channel">受理渠道</label>
          <select id="intake-channel" value={channel} onChange={(e) => setChannel(e.target.value as IntakeChannel)} data-testid="intake-channel">
            {keys('IntakeChannel').map((v) => (
              <option key={v} value={v}>
                {label('IntakeChannel', v)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="intake-category">纠纷类别</label>
          <select id="intake-category" value={category} onChange={(e) => setCategory(e.target.value as MatterCategory)} data-testid="intake-category">
            {keys('MatterCategory').map((v) => (
              <option key={v} value={v}>
                {label('MatterCategory', v)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="intake-severity">纠纷程度（决定办理期限）</label>
          <select id="intake-severity" value={severity} onChange={(e) => setSeverity(e.target.value as Severity)}>
            {keys('Severity').map((v) => (
              <option key={v} value={v}>
                {label('Severity', v)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="intake-tier">办理层级</label>
          <select id="intake-tier" value={tier} onChange={(e) => setTier(e.target.value as Tier)}>
            {keys('Tier').map((v) => (
              <option key={v} value={v}>
                {label('Tier', v)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="intake-division">发生地乡镇（街道）</label>
          <select id="intake-division" value={division} onChange={(e) => setDivision(e.target.value)} data-testid="intake-division">
            {towns.map((t) => (
              <option key={t.code} value={t.code}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="intake-origin">来源事项案件编码（可选）</label>
          <input id="intake-origin" className="mono" value={origin} onChange={(e) => setOrigin(e.target.value.trim())} placeholder="如 110 警情、信访件的案件编码" />
        </div>
      </div>
      <div className="field">
        <label htmlFor="intake-title">标题</label>
        <input id="intake-title" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="如：张某与李某宅基地边界纠纷" data-testid="intake-title" />
      </div>
      <div className="field">
        <label htmlFor="intake-description">纠纷情况</label>
        <textarea id="intake-description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} data-testid="intake-description" />
      </div>
      <fieldset className="parties">
        <legend>当事人</legend>
        {parties.map((p, i) => {
          const check = checkIdNumber(p.idNumber);
          return (
            <div className="party-row" key={i} data-testid="intake-party">
              <select aria-label="身份" value={p.role} onChange={(e) => setParty(i, { role: e.target.value as PartyRole })}>
                {PARTY_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {label('PartyRole', r)}
                  </option>
                ))}
              </select>
              <input aria-label="姓名或单位名称" placeholder="姓名或单位名称" value={p.name} onChange={(e) => setParty(i, { name: e.target.value })} data-testid="intake-party-name" />
              <input
                aria-label="身份证号码"
                placeholder="身份证号码（可不填）"
                className={`mono id-${check.state}`}
                maxLength={18}
                value={p.idNumber}
                onChange={(e) => setParty(i, { idNumber: e.target.value.toUpperCase() })}
                data-testid="intake-party-id"
              />
              <input aria-label="联系电话" placeholder="联系电话" value={p.phone} onChange={(e) => setParty(i, { phone: e.target.value })} />
              {parties.length > 1 ? (
                <button type="button" className="link" onClick={() => setParties((list) => list.filter((_, j) => j !== i))}>
                  移除
                </button>
              ) : null}
              {check.state !== 'empty' ? <span className={`id-check id-check-${check.state}`}>{check.message}</span> : null}
            </div>
          );
        })}
        <button type="button" className="link" onClick={() => setParties((list) => [...list, { role: 'RESPONDENT', name: '', idNumber: '', phone: '' }])}>
          添加当事人
        </button>
      </fieldset>
      <PurposeField draft={draft} onChange={setDraft} showProblem={tried} />
      {tried && problems.length > 0 ? (
        <ul className="field-problem">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {intake.failure ? <FailureBox failure={intake.failure} /> : null}
      <div className="form-foot">
        <button type="submit" className="primary" disabled={intake.running} data-testid="intake-submit">
          {intake.running ? '正在提交…' : '提交登记'}
        </button>
        <span className="hint" title="同一幂等键的重复提交只生成一张工单">
          幂等键 <code data-testid="intake-key">{key}</code>
        </span>
      </div>
    </form>
  );
}
