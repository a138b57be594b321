import { useEffect, useState, type FormEvent } from 'react';
import { href, matterHref, navigate } from '../../app/router.ts';
import { unavailableAgencies } from '../../api/partial.ts';
import { useQuery } from '../../api/useOperation.ts';
import { ConsoleMatterDocument } from '../../gql/graphql.ts';
import { isCaseCode, purposeProblem } from '../../purpose/purpose.ts';
import { usePurpose } from '../../purpose/PurposeContext.tsx';
import { draftOf, PurposeField, purposeOf } from '../../purpose/PurposeField.tsx';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { agencyName, agencyOfCaseCode, label } from '../../ui/labels.ts';
import { AgencyBadge, Due, Empty, FailureBox, Loading, Unavailable } from '../../ui/Status.tsx';
import { LinkGraph } from '../person/LinkGraph.tsx';
import { MatterDetail } from './MatterDetail.tsx';
import type { DirectedLink } from '../person/explicitLinks.ts';

/** A matter of any agency by its case code: the centre's summary, the agency's own record, and its related matters. */
export function MatterPage({ caseCode }: { caseCode: string | null }) {
  const { purpose, setPurpose } = usePurpose();
  const [code, setCode] = useState(caseCode ?? '');
  const [draft, setDraft] = useState(() => draftOf(purpose));
  const [tried, setTried] = useState(false);
  const [directed, setDirected] = useState<DirectedLink[]>([]);
  useEffect(() => setDraft(draftOf(purpose)), [purpose]);

  const valid = caseCode !== null && isCaseCode(caseCode);
  const matter = useQuery(ConsoleMatterDocument, valid ? { caseCode } : null);
  const data = matter.outcome?.data?.matter;
  const agency = caseCode ? agencyOfCaseCode(caseCode) : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const next = purposeOf(draft);
    if (purposeProblem(next) || !isCaseCode(code)) return;
    setPurpose(next);
    navigate(href.matter(code.trim()));
  };

  return (
    <div className="page matter-page">
      <form className="panel lookup" onSubmit={submit} data-testid="matter-lookup">
        <h1>事项查询</h1>
        <div className="field">
          <label htmlFor="case-code">案件编码（一案一码）</label>
          <input id="case-code" className="mono" value={code} onChange={(e) => setCode(e.target.value.trim())} placeholder="如 420923-FY-2026-000012" data-testid="case-code-input" spellCheck={false} />
          {tried && !isCaseCode(code) ? <p className="field-problem">案件编码格式应为 区划代码-机构代码-年份-序号</p> : null}
        </div>
        {!purpose || !valid ? <PurposeField draft={draft} onChange={setDraft} showProblem={tried} /> : null}
        <button type="submit" className="primary" data-testid="matter-submit">
          查询
        </button>
      </form>

      {caseCode && !valid ? <Empty>“{caseCode}” 不是有效的案件编码。</Empty> : null}
      {valid && !purpose ? <p className="hint">请先填写查询事由。</p> : null}
      {valid && purpose ? (
        <>
          <section className="panel matter-summary" data-testid="matter-summary">
            <div className="record-head">
              <h1 className="mono" data-testid="matter-code">
                {caseCode}
              </h1>
              {agency ? <AgencyBadge agency={agency} /> : null}
              {agency === 'GRID' ? (
                <a className="button" href={href.ticket(caseCode)} data-testid="open-ticket">
                  进入工单办理
                </a>
              ) : null}
            </div>
            {matter.loading && !data ? <Loading what="综治中心登记信息" /> : null}
            {matter.failure ? <FailureBox failure={matter.failure} onRetry={matter.reload} /> : null}
            {unavailableAgencies(matter.outcome).has('GRID') ? <Unavailable agency="GRID" /> : null}
            {matter.outcome && !data && !unavailableAgencies(matter.outcome).has('GRID') ? <Empty>综治中心索引中没有此事项，或不在您的辖区内。</Empty> : null}
            {data ? (
              <dl className="facts">
                <dt>标题</dt>
                <dd data-testid="matter-title">{data.summary.title}</dd>
                <dt>所属机构</dt>
                <dd>{agencyName(data.agency)}</dd>
                <dt>类别</dt>
                <dd>{label('MatterCategory', data.summary.category)}</dd>
                <dt>统一状态</dt>
                <dd>{label('MatterStatus', data.summary.status)}</dd>
                <dt>受理 / 办结</dt>
                <dd>
                  {formatDateTime(data.summary.openedAt)} / {formatDateTime(data.summary.closedAt)}
                </dd>
                <dt>办理期限</dt>
                <dd>
                  <Due item={data.summary} />
                </dd>
              </dl>
            ) : null}
          </section>

          {agency ? <MatterDetail caseCode={caseCode} agency={agency} onLinks={setDirected} /> : null}

          {data ? (
            <section className="panel related" data-testid="related-matters">
              <h2>关联事项（{data.related.length}）</h2>
              {data.related.length === 0 ? <Empty>没有登记的关联事项。</Empty> : null}
              {data.related.length > 0 ? (
                <table className="table">
                  <thead>
                    <tr>
                      <th>机构</th>
                      <th>案件编码</th>
                      <th>标题</th>
                      <th>状态</th>
                      <th>受理日期</th>
                      <th>办理期限</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.related.map((r) => (
                      <tr key={r.caseCode} data-testid="related-row" data-case-code={r.caseCode}>
                        <td>
                          <AgencyBadge agency={r.agency} />
                        </td>
                        <td className="mono">
                          <a href={matterHref(r.caseCode)}>{r.caseCode}</a>
                        </td>
                        <td>{r.summary.title}</td>
                        <td>{label('MatterStatus', r.summary.status)}</td>
                        <td>{formatDate(r.summary.openedAt)}</td>
                        <td>
                          <Due item={r.summary} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </section>
          ) : null}
          {data && data.related.length > 0 ? (
            <LinkGraph
              matters={[data, ...data.related.map((r) => ({ ...r, related: [] }))]}
              directed={directed}
              loading={false}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
