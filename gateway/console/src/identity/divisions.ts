// The divisions OneWindow serves, from the subgraphs' own table
// (subgraphs/shared/identity/divisions.ts: pure data, bundled by Vite into
// the browser code; the gateway process never imports it).
// eslint-disable-next-line no-restricted-imports -- pure data bundled into the browser, not gateway code
import { DIVISIONS, divisionName, isWithinDivision } from '../../../../subgraphs/shared/identity/divisions.ts';

export interface DivisionOption {
  code: string;
  name: string;
  /** 0 city, 1 county, 2 town (indentation in a select). */
  depth: number;
}

/** Every city, county and town of the table, in order. */
export function allDivisionOptions(): DivisionOption[] {
  const out: DivisionOption[] = [];
  for (const city of DIVISIONS.cities) {
    out.push({ code: city.code, name: city.name, depth: 0 });
    for (const county of city.counties) {
      out.push({ code: county.code, name: county.name, depth: 1 });
      for (const town of county.towns) out.push({ code: town.code, name: town.name, depth: 2 });
    }
  }
  return out;
}

/** The divisions within the user's jurisdiction (all of them when it is unknown). */
export function divisionOptionsFor(jurisdiction: readonly string[]): DivisionOption[] {
  const all = allDivisionOptions();
  if (jurisdiction.length === 0) return all;
  return all.filter((d) => jurisdiction.some((j) => isWithinDivision(d.code, j)));
}

/** The towns (9-digit codes) within the user's jurisdiction. */
export function townOptionsFor(jurisdiction: readonly string[]): DivisionOption[] {
  return divisionOptionsFor(jurisdiction).filter((d) => d.depth === 2);
}

export function nameOfDivision(code: string): string {
  return divisionName(code) ?? code;
}
