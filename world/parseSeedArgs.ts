import { parseArgs } from 'node:util';

export interface SeedArgs {
  readonly people: number;
  readonly seed: number;
  readonly out: string;
  readonly asOf: string | undefined;
}

export const SEED_USAGE = 'usage: npm run seed -- [--people N] [--seed S] [--out DIR] [--as-of YYYY-MM-DD]';

function integer(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new RangeError(`--${name} must be a whole number, got "${text}"`);
  return Number(text);
}

/**
 * Reads the seed command's options. `dataDir` is $DATA_DIR (default
 * ./data); the world goes to `<dataDir>/world` unless --out says otherwise.
 */
export function parseSeedArgs(argv: readonly string[], dataDir: string | undefined): SeedArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      people: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      'as-of': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  return {
    people: integer('people', values.people, 20_000),
    seed: integer('seed', values.seed, 1),
    out: values.out ?? `${(dataDir ?? './data').replace(/\/+$/u, '')}/world`,
    asOf: values['as-of'],
  };
}
