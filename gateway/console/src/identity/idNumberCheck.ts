// The browser bundle reuses the subgraphs' own GB 11643 validation
// (subgraphs/shared/identity/idNumber.ts, with its pure helpers): Vite inlines
// these pure functions into the console's bundle at build time. The gateway
// process never imports a subgraph; this file is browser code only.
// eslint-disable-next-line no-restricted-imports -- pure function bundled into the browser, not gateway code
import { idCheckCharacter, parseIdNumber, upgradeLegacyIdNumber } from '../../../../subgraphs/shared/identity/idNumber.ts';

export type IdNumberCheck =
  | { state: 'empty' }
  | { state: 'typing'; message: string }
  | { state: 'valid'; number: string; message: string }
  | { state: 'invalid'; message: string };

/**
 * Checks a resident ID number as it is typed (GB 11643-1999, ISO 7064
 * MOD 11-2 check character): length, characters, division, birth date and
 * check character, saying in Chinese which one failed.
 */
export function checkIdNumber(raw: string, today = new Date()): IdNumberCheck {
  const s = raw.trim();
  if (s === '') return { state: 'empty' };
  if (/[^0-9xX]/.test(s)) return { state: 'invalid', message: '只能输入数字，末位可为 X' };
  if (s.length < 18 && s.length !== 15) return { state: 'typing', message: `已输入 ${s.length}/18 位` };
  const parsed = parseIdNumber(s, today);
  if (parsed.ok) {
    const { birthDate, sex } = parsed.value;
    return { state: 'valid', number: parsed.value.number, message: `校验通过：${sex === 'MALE' ? '男' : '女'}，${birthDate} 出生` };
  }
  switch (parsed.reason) {
    case 'LEGACY_15_DIGIT': {
      let upgraded: string | undefined;
      try {
        upgraded = upgradeLegacyIdNumber(s);
      } catch {
        upgraded = undefined;
      }
      return { state: 'invalid', message: `不受理 15 位旧号码，请输入 18 位号码${upgraded ? `（对应 ${upgraded}）` : ''}` };
    }
    case 'LENGTH':
      return { state: 'invalid', message: `号码应为 18 位，现为 ${s.length} 位` };
    case 'CHARACTERS':
      return { state: 'invalid', message: '前 17 位须为数字，只有末位可以是 X' };
    case 'DIVISION':
      return { state: 'invalid', message: '前 6 位不是有效的行政区划代码' };
    case 'BIRTH_DATE':
      return { state: 'invalid', message: '第 7–14 位不是有效的出生日期' };
    case 'CHECK_CHARACTER':
      return { state: 'invalid', message: `校验位不符：末位应为 ${idCheckCharacter(s.slice(0, 17))}，请核对号码` };
  }
}
