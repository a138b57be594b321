import type {
  DisputeCategory,
  PartyRecord,
  PoliceCategory,
  PoliceChannel,
  PoliceDisposition,
} from '../../subgraphs/shared/world/records.ts';
import { ROADS } from '../geo/placeNames.ts';
import { buildPoliceIncident } from '../matters/buildPoliceIncident.ts';
import type { CountyWorld } from '../matters/CountyWorld.ts';
import { outsiderParty, personParty, pickAdult, pickTown } from '../matters/parties.ts';
import { makeQuarrel, sideA, sideB } from '../matters/Quarrel.ts';
import { anyInWindow } from '../matters/when.ts';
import { Weighted } from '../random/Weighted.ts';

const CATEGORIES = new Weighted<PoliceCategory>([
  ['DISPUTE', 45], ['ASSAULT', 8], ['DOMESTIC_VIOLENCE', 3], ['TRAFFIC_ACCIDENT', 10], ['THEFT', 10],
  ['FRAUD', 6], ['ASSISTANCE', 12], ['PUBLIC_ORDER', 3], ['OTHER', 3],
]);
const CHANNELS = new Weighted<PoliceChannel>([['CALL_110', 80], ['WALK_IN', 12], ['TRANSFER_12345', 8]]);

const DISPOSITIONS: Readonly<Record<PoliceCategory, Weighted<PoliceDisposition>>> = {
  DISPUTE: new Weighted([['MEDIATED_ON_SITE', 65], ['NO_ACTION', 35]]),
  ASSAULT: new Weighted([['ADMINISTRATIVE_CASE', 60], ['MEDIATED_ON_SITE', 30], ['CRIMINAL_CASE', 10]]),
  DOMESTIC_VIOLENCE: new Weighted([['ADMINISTRATIVE_CASE', 40], ['MEDIATED_ON_SITE', 60]]),
  TRAFFIC_ACCIDENT: new Weighted([['MEDIATED_ON_SITE', 70], ['ADMINISTRATIVE_CASE', 20], ['NO_ACTION', 10]]),
  THEFT: new Weighted([['CRIMINAL_CASE', 40], ['ADMINISTRATIVE_CASE', 40], ['NO_ACTION', 20]]),
  FRAUD: new Weighted([['CRIMINAL_CASE', 70], ['NO_ACTION', 30]]),
  ASSISTANCE: new Weighted([['NO_ACTION', 1]]),
  PUBLIC_ORDER: new Weighted([['MEDIATED_ON_SITE', 50], ['ADMINISTRATIVE_CASE', 30], ['NO_ACTION', 20]]),
  OTHER: new Weighted([['NO_ACTION', 1]]),
};

const STOLEN = ['电动车', '手机', '钱包', '摩托车', '农用三轮车', '电缆线'];
const HELP = ['家中老人走失', '钥匙反锁在屋内', '有醉酒人员倒在路边', '孩子放学后未按时回家'];
const OTHER = ['路面有障碍物影响通行', '小区内有可疑人员徘徊', '有人在河边野泳存在危险'];

/** 110 incidents of every kind; dispute calls transferred to the centre come from the dispute generator. */
export function standaloneIncidents(world: CountyWorld, count: number): void {
  const { rng } = world;
  for (let i = 0; i < count; i++) {
    const incidentCategory = CATEGORIES.pick(rng);
    const disposition = DISPOSITIONS[incidentCategory].pick(rng);
    const channel = CHANNELS.pick(rng);
    const receivedAt = anyInWindow(world);
    let town = pickTown(world);
    let category: DisputeCategory = 'OTHER';
    let title: string;
    let report: string;
    let reporterName: string;
    let place: string;
    let parties: PartyRecord[];
    const road = (): string => `${town.town.name}${rng.pick(ROADS)}与${rng.pick(ROADS)}交叉路口`;

    switch (incidentCategory) {
      case 'DISPUTE':
      case 'ASSAULT':
      case 'DOMESTIC_VIOLENCE':
      case 'PUBLIC_ORDER': {
        const forced =
          incidentCategory === 'ASSAULT' ? 'INJURY_COMPENSATION' : incidentCategory === 'DOMESTIC_VIOLENCE' ? 'MARRIAGE_FAMILY' : incidentCategory === 'PUBLIC_ORDER' ? 'NEIGHBOUR' : undefined;
        const q = makeQuarrel(world, forced === undefined ? {} : { category: forced });
        town = q.town;
        category = q.category;
        reporterName = q.a.name;
        place = q.a.address;
        const bIsPerson = 'person' in q.b;
        const suspectRole = incidentCategory === 'DISPUTE' || !bIsPerson ? 'THIRD_PARTY' : 'SUSPECT';
        parties = [sideA(world, q, incidentCategory === 'DISPUTE' || incidentCategory === 'PUBLIC_ORDER' ? 'REPORTER' : 'VICTIM'), sideB(world, q, suspectRole)];
        if (rng.chance(0.2)) parties.push(personParty(world, pickAdult(world, town, (p) => p !== q.a), 'WITNESS'));
        title =
          incidentCategory === 'ASSAULT'
            ? `${q.a.name}报警称被${q.bName}打伤`
            : incidentCategory === 'DOMESTIC_VIOLENCE'
              ? `${q.a.name}报警称遭受家庭暴力`
              : incidentCategory === 'PUBLIC_ORDER'
                ? `${q.a.name}报警称${q.bName}深夜噪音扰民`
                : `${q.a.name}报警称与${q.bName}发生${q.topic.short}纠纷`;
        report = incidentCategory === 'DOMESTIC_VIOLENCE' ? `与${q.bName}发生争吵后被对方殴打` : incidentCategory === 'PUBLIC_ORDER' ? `${q.bName}家深夜聚会喧哗，劝阻无效` : q.told;
        break;
      }
      case 'TRAFFIC_ACCIDENT': {
        const a = pickAdult(world, town);
        reporterName = a.name;
        category = 'TRAFFIC';
        place = road();
        // The other driver is often not from the county, sometimes not identified on the spot.
        const other =
          rng.chance(0.3) ? outsiderParty(world, 'THIRD_PARTY', rng.chance(0.75)) : personParty(world, pickAdult(world, town, (p) => p !== a), 'THIRD_PARTY');
        parties = [personParty(world, a, 'REPORTER'), other];
        title = `${a.name}报警称在${place}发生交通事故`;
        report = `驾驶车辆与${other.name}驾驶的车辆发生剐蹭，无人员受伤`;
        break;
      }
      case 'THEFT': {
        const a = pickAdult(world, town);
        const item = rng.pick(STOLEN);
        reporterName = a.name;
        place = rng.chance(0.5) ? a.address : `${town.town.name}集贸市场`;
        parties = [personParty(world, a, 'VICTIM')];
        if (disposition !== 'NO_ACTION' && rng.chance(0.3)) parties.push(personParty(world, pickAdult(world, town, (p) => p !== a), 'SUSPECT'));
        title = `${a.name}报称${item}被盗`;
        report = `停放或存放的${item}被盗，价值约${rng.between(5, 60) * 100}元`;
        break;
      }
      case 'FRAUD': {
        const a = pickAdult(world, town);
        reporterName = a.name;
        place = a.address;
        parties = [personParty(world, a, 'VICTIM')];
        title = `${a.name}报称遭遇电信网络诈骗`;
        report = `接到自称客服的电话后按对方要求转账${rng.between(10, 500) * 100}元，后发现被骗`;
        break;
      }
      default: {
        const a = pickAdult(world, town);
        reporterName = a.name;
        place = incidentCategory === 'ASSISTANCE' ? a.address : road();
        parties = [personParty(world, a, 'REPORTER')];
        const what = rng.pick(incidentCategory === 'ASSISTANCE' ? HELP : OTHER);
        title = incidentCategory === 'ASSISTANCE' ? `${a.name}求助：${what}` : `${a.name}报警反映${what}`;
        report = what;
      }
    }
    buildPoliceIncident(world, {
      town,
      channel,
      incidentCategory,
      category,
      title,
      report,
      reporterName,
      place,
      parties,
      receivedAt,
      disposition,
      ...(incidentCategory === 'TRAFFIC_ACCIDENT' ? { traffic: true } : {}),
    });
  }
}
