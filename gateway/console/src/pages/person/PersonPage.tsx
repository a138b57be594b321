import { useMemo } from 'react';
import { usePagedQuery } from '../../api/usePagedQuery.ts';
import { useQuery } from '../../api/useOperation.ts';
import {
  ConsolePersonCourtCasesDocument,
  ConsolePersonDisputesDocument,
  ConsolePersonDocument,
  ConsolePersonLegalAidCasesDocument,
  ConsolePersonPetitionsDocument,
  ConsolePersonPoliceIncidentsDocument,
  ConsolePersonTimelineDocument,
  ConsoleRiskAlertsDocument,
} from '../../gql/graphql.ts';
import { usePurpose } from '../../purpose/PurposeContext.tsx';
import { PurposeGate } from '../../purpose/PurposeGate.tsx';
import { AgencyTabs } from './AgencyTabs.tsx';
import { CoreRecord } from './CoreRecord.tsx';
import { explicitLinks } from './explicitLinks.ts';
import { LinkGraph } from './LinkGraph.tsx';
import { RiskAlerts } from './RiskAlerts.tsx';
import { Timeline } from './Timeline.tsx';

/**
 * 一人一档: the core record, one timeline across the five agencies, each
 * agency's own records, the links between matters and the risk alerts.
 * Each agency's slice is its own request, so an agency that is down costs
 * only its own tab.
 */
export function PersonPage({ id }: { id: string }) {
  const { purpose } = usePurpose();
  const vars = { id };
  const core = useQuery(ConsolePersonDocument, vars);
  const disputes = useQuery(ConsolePersonDisputesDocument, vars);
  const petitions = useQuery(ConsolePersonPetitionsDocument, vars);
  const police = useQuery(ConsolePersonPoliceIncidentsDocument, vars);
  const courts = useQuery(ConsolePersonCourtCasesDocument, vars);
  const legalAid = useQuery(ConsolePersonLegalAidCasesDocument, vars);
  const timeline = usePagedQuery(ConsolePersonTimelineDocument, vars, (d) => d.person?.timeline);
  const county = core.outcome?.data?.person?.county?.code ?? null;
  const alerts = usePagedQuery(ConsoleRiskAlertsDocument, county ? { division: county } : null, (d) => d.riskAlerts, { maxPages: 20 });

  const slices = { disputes, petitions, police, courts, legalAid };
  const directed = useMemo(
    () =>
      explicitLinks({
        petitions: petitions.outcome?.data?.person?.petitions ?? [],
        police: police.outcome?.data?.person?.policeIncidents ?? [],
        courts: courts.outcome?.data?.person?.courtCases ?? [],
        legalAid: legalAid.outcome?.data?.person?.legalAidCases ?? [],
      }),
    [petitions.outcome, police.outcome, courts.outcome, legalAid.outcome],
  );

  if (!purpose) return <PurposeGate what="人员信息" />;
  return (
    <div className="page person-page">
      <CoreRecord id={id} state={core} />
      <Timeline state={timeline} />
      <LinkGraph matters={timeline.nodes} directed={directed} loading={timeline.loading} />
      <AgencyTabs slices={slices} />
      <RiskAlerts personId={id} matters={timeline.nodes} state={alerts} />
    </div>
  );
}
