/**
 * Administrative divisions (GB/T 2260 for province, city and county codes;
 * 9-digit town codes from the National Bureau of Statistics) for the
 * jurisdictions OneWindow serves, plus the province table of all of China.
 *
 * Code shapes and what they mean:
 * - province: 6 digits ending in 0000 (420000 湖北省); its significant part is
 *   the first 2 digits;
 * - prefecture-level city: 6 digits ending in 00 (420900 孝感市); significant
 *   part: first 4 digits;
 * - county-level division (county, district, county-level city): 6 digits not
 *   ending in 00 (420923 云梦县);
 * - town / township / sub-district: 9 digits (420923100 城关镇);
 * - village / community: 12 digits.
 *
 * Containment is by prefix of the significant part, which is why the
 * helpers below first strip the trailing zero groups of a code.
 */

/** A town, township or sub-district (9-digit code). */
export interface Town {
  readonly code: string;
  readonly name: string;
}

/** A county-level division (6-digit code not ending in 00). */
export interface County {
  readonly code: string;
  readonly name: string;
  readonly towns: readonly Town[];
}

/** A prefecture-level city (6-digit code ending in 00). */
export interface City {
  readonly code: string;
  readonly name: string;
  readonly counties: readonly County[];
}

/** A province-level division (6-digit code ending in 0000). */
export interface Province {
  readonly code: string;
  readonly name: string;
  /** The one-character abbreviation (简称), e.g. 鄂 for Hubei. */
  readonly abbreviation: string;
  readonly cities: readonly City[];
}

export type DivisionLevel = 'PROVINCE' | 'CITY' | 'COUNTY' | 'TOWN' | 'VILLAGE';

/** One entry of the flattened division index. */
export interface DivisionEntry {
  readonly code: string;
  readonly name: string;
  readonly level: DivisionLevel;
  /** Code of the enclosing division, undefined for the province. */
  readonly parentCode: string | undefined;
}

/**
 * The jurisdictions OneWindow serves (DOMAIN.md, "Division codes"): Hubei,
 * six of its cities, one county-level division in each, and the towns the
 * synthetic world uses. Names and codes exactly as DOMAIN.md lists them.
 */
export const DIVISIONS: Province = {
  code: '420000',
  name: '湖北省',
  abbreviation: '鄂',
  cities: [
    {
      code: '420900',
      name: '孝感市',
      counties: [
        {
          code: '420923',
          name: '云梦县',
          towns: [
            { code: '420923100', name: '城关镇' },
            { code: '420923101', name: '义堂镇' },
            { code: '420923105', name: '下辛店镇' },
            { code: '420923200', name: '倒店乡' },
          ],
        },
      ],
    },
    {
      code: '420100',
      name: '武汉市',
      counties: [
        {
          code: '420102',
          name: '江岸区',
          towns: [
            { code: '420102002', name: '大智街道' },
            { code: '420102017', name: '后湖街道' },
          ],
        },
      ],
    },
    {
      code: '420500',
      name: '宜昌市',
      counties: [
        {
          code: '420583',
          name: '枝江市',
          towns: [
            { code: '420583001', name: '马家店街道' },
            { code: '420583104', name: '董市镇' },
          ],
        },
      ],
    },
    {
      code: '421000',
      name: '荆州市',
      counties: [
        {
          code: '421081',
          name: '石首市',
          towns: [
            { code: '421081001', name: '绣林街道' },
            { code: '421081105', name: '调关镇' },
          ],
        },
      ],
    },
    {
      code: '420700',
      name: '鄂州市',
      counties: [
        {
          code: '420704',
          name: '鄂城区',
          towns: [
            { code: '420704001', name: '凤凰街道' },
            { code: '420704100', name: '泽林镇' },
          ],
        },
      ],
    },
    {
      code: '421200',
      name: '咸宁市',
      counties: [
        {
          code: '421202',
          name: '咸安区',
          towns: [
            { code: '421202001', name: '温泉街道' },
            { code: '421202104', name: '贺胜桥镇' },
          ],
        },
      ],
    },
  ],
};

/** A province-level division of China in the province table. */
export interface ProvinceInfo {
  readonly name: string;
  /** General one-character abbreviation (简称). */
  readonly abbreviation: string;
  /**
   * The character courts use as the province part of a court code in case
   * numbers (最高人民法院《关于人民法院案件案号的若干规定》). It equals the
   * abbreviation except for Inner Mongolia (内, not 蒙) and Guizhou (黔, not
   * 贵). Undefined where mainland case numbers do not apply (Taiwan, Hong
   * Kong, Macao).
   */
  readonly courtAbbreviation: string | undefined;
}

/**
 * All province-level codes of GB/T 2260 (first two digits of every division
 * code) with names and abbreviations.
 */
export const PROVINCES: Readonly<Record<string, ProvinceInfo>> = {
  '11': { name: '北京市', abbreviation: '京', courtAbbreviation: '京' },
  '12': { name: '天津市', abbreviation: '津', courtAbbreviation: '津' },
  '13': { name: '河北省', abbreviation: '冀', courtAbbreviation: '冀' },
  '14': { name: '山西省', abbreviation: '晋', courtAbbreviation: '晋' },
  '15': { name: '内蒙古自治区', abbreviation: '蒙', courtAbbreviation: '内' },
  '21': { name: '辽宁省', abbreviation: '辽', courtAbbreviation: '辽' },
  '22': { name: '吉林省', abbreviation: '吉', courtAbbreviation: '吉' },
  '23': { name: '黑龙江省', abbreviation: '黑', courtAbbreviation: '黑' },
  '31': { name: '上海市', abbreviation: '沪', courtAbbreviation: '沪' },
  '32': { name: '江苏省', abbreviation: '苏', courtAbbreviation: '苏' },
  '33': { name: '浙江省', abbreviation: '浙', courtAbbreviation: '浙' },
  '34': { name: '安徽省', abbreviation: '皖', courtAbbreviation: '皖' },
  '35': { name: '福建省', abbreviation: '闽', courtAbbreviation: '闽' },
  '36': { name: '江西省', abbreviation: '赣', courtAbbreviation: '赣' },
  '37': { name: '山东省', abbreviation: '鲁', courtAbbreviation: '鲁' },
  '41': { name: '河南省', abbreviation: '豫', courtAbbreviation: '豫' },
  '42': { name: '湖北省', abbreviation: '鄂', courtAbbreviation: '鄂' },
  '43': { name: '湖南省', abbreviation: '湘', courtAbbreviation: '湘' },
  '44': { name: '广东省', abbreviation: '粤', courtAbbreviation: '粤' },
  '45': { name: '广西壮族自治区', abbreviation: '桂', courtAbbreviation: '桂' },
  '46': { name: '海南省', abbreviation: '琼', courtAbbreviation: '琼' },
  '50': { name: '重庆市', abbreviation: '渝', courtAbbreviation: '渝' },
  '51': { name: '四川省', abbreviation: '川', courtAbbreviation: '川' },
  '52': { name: '贵州省', abbreviation: '贵', courtAbbreviation: '黔' },
  '53': { name: '云南省', abbreviation: '云', courtAbbreviation: '云' },
  '54': { name: '西藏自治区', abbreviation: '藏', courtAbbreviation: '藏' },
  '61': { name: '陕西省', abbreviation: '陕', courtAbbreviation: '陕' },
  '62': { name: '甘肃省', abbreviation: '甘', courtAbbreviation: '甘' },
  '63': { name: '青海省', abbreviation: '青', courtAbbreviation: '青' },
  '64': { name: '宁夏回族自治区', abbreviation: '宁', courtAbbreviation: '宁' },
  '65': { name: '新疆维吾尔自治区', abbreviation: '新', courtAbbreviation: '新' },
  '71': { name: '台湾省', abbreviation: '台', courtAbbreviation: undefined },
  '81': { name: '香港特别行政区', abbreviation: '港', courtAbbreviation: undefined },
  '82': { name: '澳门特别行政区', abbreviation: '澳', courtAbbreviation: undefined },
};

/**
 * Two-digit prefixes accepted as the division part of a resident ID number.
 * ID validation must not be limited to our six counties (people from outside
 * the county exist, about 10% of them), so any real province prefix passes.
 * 83 is added on top of GB/T 2260: residence permits for Taiwan residents
 * (港澳台居民居住证, since 2018) carry 830000, as Hong Kong and Macao permits
 * carry 810000 and 820000, and follow the same GB 11643 layout.
 */
export const ID_NUMBER_PROVINCE_PREFIXES: readonly string[] = [...Object.keys(PROVINCES), '83'];

const ID_PREFIX_SET: ReadonlySet<string> = new Set(ID_NUMBER_PROVINCE_PREFIXES);
const SIX_DIGITS = /^\d{6}$/;
const DIVISION_CODE_SHAPE = /^(?:\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;

/**
 * Whether a 6-digit code can be the division part of a resident ID number:
 * six digits whose first two are a real province prefix. Deliberately not a
 * lookup in the full GB/T 2260 table: codes change over the years and old
 * ID numbers keep codes that no longer exist.
 */
export function isPlausibleIdDivisionCode(code: string): boolean {
  return SIX_DIGITS.test(code) && ID_PREFIX_SET.has(code.slice(0, 2));
}

/**
 * Whether a 6-digit code is a plausible division code of mainland records
 * (case codes): six digits with a GB/T 2260 province prefix.
 */
export function isPlausibleDivisionCode(code: string): boolean {
  return SIX_DIGITS.test(code) && Object.hasOwn(PROVINCES, code.slice(0, 2));
}

/**
 * The significant part of a division code: the code with its trailing zero
 * groups removed (420000 → 42, 420900 → 4209, 420923000 → 420923). Returns
 * undefined for strings that are not 2, 4, 6, 9 or 12 digits long.
 */
function significantPart(code: string): string | undefined {
  if (!DIVISION_CODE_SHAPE.test(code)) return undefined;
  let c = code;
  if (c.length === 12 && c.endsWith('000')) c = c.slice(0, 9);
  if (c.length === 9 && c.endsWith('000')) c = c.slice(0, 6);
  if (c.length === 6 && c.endsWith('00')) c = c.slice(0, 4);
  if (c.length === 4 && c.endsWith('00')) c = c.slice(0, 2);
  return c;
}

/**
 * Canonical form of a code for the index: short province and city forms are
 * padded to 6 digits (42 → 420000, 4209 → 420900), the other shapes are kept.
 */
function canonical(code: string): string | undefined {
  const sig = significantPart(code);
  if (sig === undefined) return undefined;
  return sig.length < 6 ? sig.padEnd(6, '0') : sig;
}

function buildIndex(province: Province): ReadonlyMap<string, DivisionEntry> {
  const index = new Map<string, DivisionEntry>();
  index.set(province.code, { code: province.code, name: province.name, level: 'PROVINCE', parentCode: undefined });
  for (const city of province.cities) {
    index.set(city.code, { code: city.code, name: city.name, level: 'CITY', parentCode: province.code });
    for (const county of city.counties) {
      index.set(county.code, { code: county.code, name: county.name, level: 'COUNTY', parentCode: city.code });
      for (const town of county.towns) {
        index.set(town.code, { code: town.code, name: town.name, level: 'TOWN', parentCode: county.code });
      }
    }
  }
  return index;
}

const INDEX = buildIndex(DIVISIONS);

/** The entry of a known division (any of the accepted code shapes), or undefined. */
export function divisionEntry(code: string): DivisionEntry | undefined {
  const c = canonical(code);
  return c === undefined ? undefined : INDEX.get(c);
}

/** Chinese name of a known division (湖北省, 孝感市, 云梦县, 城关镇), or undefined. */
export function divisionName(code: string): string | undefined {
  return divisionEntry(code)?.name;
}

/** Whether the code names a division in {@link DIVISIONS}. */
export function isKnownDivision(code: string): boolean {
  return divisionEntry(code) !== undefined;
}

/**
 * The 6-digit county-level code of a 6-, 9- or 12-digit code (420923100 →
 * 420923). Undefined when the code is not of that shape or when its first 6
 * digits are a city or province code (ending in 00), which is not inside
 * any single county.
 */
export function countyOf(code: string): string | undefined {
  if (!/^(?:\d{6}|\d{9}|\d{12})$/.test(code)) return undefined;
  const county = code.slice(0, 6);
  return county.endsWith('00') ? undefined : county;
}

/**
 * Jurisdiction containment: whether `code` lies within `ancestorCode` (a
 * division contains itself). The province 420000 (or 42) contains everything
 * starting with 42; the city 420900 contains everything starting with 4209;
 * the county 420923 its towns 420923xxx; a town its villages. Works on code
 * shapes alone, so it also answers for divisions missing from the table.
 * Malformed codes are contained in nothing.
 */
export function isWithinDivision(code: string, ancestorCode: string): boolean {
  const inner = significantPart(code);
  const outer = significantPart(ancestorCode);
  if (inner === undefined || outer === undefined) return false;
  return inner.startsWith(outer);
}

/**
 * The code prefix that every division inside `code` starts with: a province
 * (420000) → "42", a city (420900) → "4209", a county (420923) and anything
 * below → the code itself. For jurisdiction filters in SQL (`LIKE prefix%`).
 */
export function divisionPrefix(code: string): string {
  if (/^\d{2}0000$/.test(code)) return code.slice(0, 2);
  if (/^\d{4}00$/.test(code)) return code.slice(0, 4);
  return code;
}

/**
 * The named parameters of `col >= @division AND col < @divisionEnd`: every
 * code inside `code`, as a range on its prefix, which an index on the
 * column serves (a LIKE with a parameter would not be).
 */
export function divisionRange(code: string): { division: string; divisionEnd: string } {
  const prefix = divisionPrefix(code);
  return { division: prefix, divisionEnd: `${prefix}\uffff` };
}
