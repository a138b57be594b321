import type { LegalAidKind } from '../../subgraphs/shared/world/records.ts';
import { buildArbitration } from '../matters/buildArbitration.ts';
import { buildConsultation } from '../matters/buildConsultation.ts';
import { buildLegalAid } from '../matters/buildLegalAid.ts';
import { buildMediation } from '../matters/buildMediation.ts';
import { confirmAgreement } from '../matters/confirmAgreement.ts';
import type { CountyWorld } from '../matters/CountyWorld.ts';
import { makeQuarrel, sideA, sideB, type Quarrel } from '../matters/Quarrel.ts';
import { mostlyOnTime, officeInWindow } from '../matters/when.ts';
import { Weighted } from '../random/Weighted.ts';
import { DAY } from '../time/clock.ts';
import { resolutionText } from './standaloneDisputes.ts';

const KINDS = new Weighted<LegalAidKind>([['MEDIATION', 50], ['CONSULTATION', 25], ['LEGAL_AID', 15], ['LABOUR_ARBITRATION', 10]]);

/** The committee that mediates a quarrel: the village's, the town's, or a county professional one. */
export function committeeFor(world: CountyWorld, q: Quarrel): string {
  const r = world.rng.next();
  if (r < 0.6) return `${q.town.town.name}${q.cell?.villageName ?? `${q.town.town.shortName}村`}人民调解委员会`;
  if (r < 0.9) return `${q.town.town.name}人民调解委员会`;
  const professional: Partial<Record<Quarrel['category'], string>> = {
    TRAFFIC: '道路交通事故纠纷人民调解委员会',
    MEDICAL: '医疗纠纷人民调解委员会',
    LABOUR_WAGE: '劳动争议人民调解委员会',
    MARRIAGE_FAMILY: '婚姻家庭纠纷人民调解委员会',
  };
  return `${world.unitPrefix}${professional[q.category] ?? '人民调解委员会'}`;
}

/** The justice bureau's everyday work: mediations (some confirmed by a court), consultations, aid, arbitration. */
export function standaloneLegalAid(world: CountyWorld, count: number): void {
  const { rng, staff, unitPrefix } = world;
  for (let i = 0; i < count; i++) {
    const kind = KINDS.pick(rng);
    const q = makeQuarrel(world, kind === 'LABOUR_ARBITRATION' ? { category: 'LABOUR_WAGE' } : {});
    const appliedAt = officeInWindow(world);
    const common = { division: q.town.town.code, category: q.category, appliedAt };
    switch (kind) {
      case 'MEDIATION': {
        const agreement = rng.chance(0.92);
        const m = buildMediation(world, {
          ...common,
          title: `${q.title}调解`,
          parties: [sideA(world, q, 'APPLICANT'), sideB(world, q, 'RESPONDENT')],
          organization: committeeFor(world, q),
          mediator: rng.pick(staff.mediators[q.town.index] ?? staff.centre),
          days: mostlyOnTime(rng, [0, 20], [31, 45], 0.05),
          result: agreement ? 'AGREEMENT' : 'FAILED',
          terms: resolutionText(q),
          amountYuan: q.amount === null ? null : Math.round((q.amount * 0.8) / 100) * 100,
          labour: q.category === 'LABOUR_WAGE',
        });
        if (m !== null && agreement && rng.chance(0.1)) confirmAgreement(world, m, rng.between(1, 25));
        break;
      }
      case 'CONSULTATION':
        buildConsultation(world, {
          ...common,
          title: `${q.a.name}咨询${q.topic.short}问题`,
          parties: [sideA(world, q, 'APPLICANT')],
          organization: `${unitPrefix}公共法律服务中心`,
          question: `${q.told}，想了解如何维护自身权益`,
          answer: `已告知${q.a.name}可通过人民调解、仲裁或诉讼途径解决，并释明相关法律规定和诉讼时效`,
        });
        break;
      case 'LEGAL_AID': {
        const refused = rng.chance(0.12);
        buildLegalAid(world, {
          ...common,
          title: `${q.a.name}申请法律援助（${q.topic.cause}）`,
          parties: [sideA(world, q, 'APPLICANT', true), sideB(world, q, 'RESPONDENT')],
          organization: `${unitPrefix}法律援助中心`,
          matter: `${q.topic.cause}诉讼代理`,
          decisionDays: mostlyOnTime(rng, [1, 6], [8, 12], 0.04),
          ...(refused ? { refusalReason: rng.chance(0.7) ? '经审查，申请人经济状况不符合法律援助条件' : '申请事项不属于法律援助范围' } : {}),
          assignDays: mostlyOnTime(rng, [0, 3], [4, 6], 0.03),
          provisional: !refused && rng.chance(0.03),
          meansTestWaived: q.category === 'LABOUR_WAGE',
          lawyer: rng.pick(staff.lawyers),
          endsAt: appliedAt + rng.between(40, 200) * DAY,
        });
        break;
      }
      case 'LABOUR_ARBITRATION': {
        const amount = q.amount ?? rng.between(50, 500) * 100;
        const awarded = Math.round((amount * rng.between(50, 100)) / 10000) * 100;
        buildArbitration(world, {
          ...common,
          title: `${q.a.name}与${q.bName}劳动争议仲裁`,
          parties: [sideA(world, q, 'APPLICANT'), sideB(world, q, 'RESPONDENT')],
          organization: `${unitPrefix}劳动人事争议仲裁委员会`,
          acceptDays: mostlyOnTime(rng, [1, 5], [6, 8], 0.02),
          awardDays: rng.chance(0.08) ? rng.between(46, 58) : rng.between(20, 44),
          awardText: `裁决${q.bName}支付${q.a.name}${awarded}元`,
          amountYuan: awarded,
          ...(rng.chance(0.1) ? { withdrawAfterDays: rng.between(5, 20) } : {}),
        });
        break;
      }
    }
  }
}
