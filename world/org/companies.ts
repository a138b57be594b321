import type { CountyInfo } from '../geo/counties.ts';
import type { PhoneAllocator } from '../population/PhoneAllocator.ts';
import type { Rng } from '../random/Rng.ts';
import { makeCreditCode } from './creditCode.ts';

export type Sector = 'CONSTRUCTION' | 'FACTORY' | 'LOGISTICS' | 'CATERING' | 'PROPERTY' | 'RETAIL' | 'LENDER';

export interface Company {
  readonly name: string;
  readonly creditCode: string;
  readonly phone: string;
  readonly sector: Sector;
}

const WORDS = [
  '鑫盛', '华泰', '宏达', '恒通', '顺发', '金源', '永信', '长江', '楚天', '荆楚', '远航', '兴旺', '瑞丰', '嘉禾',
  '天诚', '汇通', '新成', '伟业', '众鑫', '盛世', '安泰', '博远', '昌隆', '德丰', '富康', '广源', '国泰', '和信',
];
const SECTOR_SUFFIX: Readonly<Record<Sector, readonly string[]>> = {
  CONSTRUCTION: ['建筑工程有限公司', '建设工程有限公司', '劳务有限公司', '装饰工程有限公司'],
  FACTORY: ['纺织有限公司', '机械制造有限公司', '食品有限公司', '包装材料有限公司', '电子科技有限公司'],
  LOGISTICS: ['物流有限公司', '运输有限公司'],
  CATERING: ['餐饮管理有限公司', '酒店管理有限公司'],
  PROPERTY: ['物业服务有限公司', '物业管理有限公司'],
  RETAIL: ['商贸有限公司', '家电销售有限公司', '汽车销售服务有限公司', '装饰材料经营部'],
  LENDER: ['小额贷款有限公司', '融资担保有限公司'],
};
const SECTORS: readonly Sector[] = ['CONSTRUCTION', 'CONSTRUCTION', 'FACTORY', 'FACTORY', 'LOGISTICS', 'CATERING', 'PROPERTY', 'RETAIL', 'RETAIL', 'LENDER'];

/** Organizations every county has: banks, insurers, hospitals (names only, fixed patterns). */
export interface Institutions {
  readonly insurers: readonly Company[];
  readonly banks: readonly Company[];
  readonly hospitals: readonly Company[];
}

/**
 * The county's companies (employers, landlords, property managers, shops,
 * lenders). A small pool reused across matters, so some companies collect
 * several disputes, as real ones do.
 */
export function makeCompanies(rng: Rng, county: CountyInfo, count: number, phones: PhoneAllocator): Company[] {
  const used = new Set<string>();
  const companies: Company[] = [];
  const prefix = county.name.endsWith('区') ? county.cityName.replace(/市$/u, '') : county.name.replace(/(县|市)$/u, '');
  // One of each sector first, so every kind of counterparty exists even in a small county.
  const distinct = [...new Set(SECTORS)];
  for (let i = 0; i < Math.max(count, distinct.length); i++) {
    const sector = i < distinct.length ? (distinct[i] as Sector) : rng.pick(SECTORS);
    let name: string;
    do {
      const place = rng.chance(0.7) ? prefix : '湖北';
      name = `${place}${rng.pick(WORDS)}${rng.pick(SECTOR_SUFFIX[sector])}`;
    } while (used.has(name) && used.size < 400);
    if (used.has(name)) name = `${name.replace(/有限公司$/u, '')}第${i}分公司`;
    used.add(name);
    companies.push({ name, creditCode: makeCreditCode(rng, county.code), phone: phones.next(), sector });
  }
  return companies;
}

export function makeInstitutions(rng: Rng, county: CountyInfo, phones: PhoneAllocator): Institutions {
  const city = county.cityName.replace(/市$/u, '');
  const org = (name: string, sector: Sector): Company => ({ name, creditCode: makeCreditCode(rng, county.cityCode), phone: phones.next(), sector });
  const countyFull = county.name.endsWith('区') ? county.cityName + county.name : county.name;
  return {
    insurers: [
      org(`中国人民财产保险股份有限公司${city}市分公司`, 'LENDER'),
      org(`中国平安财产保险股份有限公司${city}中心支公司`, 'LENDER'),
      org(`中国太平洋财产保险股份有限公司${city}中心支公司`, 'LENDER'),
    ],
    banks: [
      org(`中国农业银行股份有限公司${countyFull}支行`, 'LENDER'),
      org(`${county.name.replace(/(县|市|区)$/u, '')}农村商业银行股份有限公司`, 'LENDER'),
      org(`中国邮政储蓄银行股份有限公司${countyFull}支行`, 'LENDER'),
    ],
    hospitals: [
      org(`${countyFull}人民医院`, 'RETAIL'),
      org(`${countyFull}中医医院`, 'RETAIL'),
      org(`${countyFull}妇幼保健院`, 'RETAIL'),
    ],
  };
}
