import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const compose = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'schema/compose.ts', ...args]).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe('npm run compose -- --check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'onewindow-compose-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes on the checked-in tree', async () => {
    const result = await compose('--check');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('fails and names the file when a checked-in subgraph SDL is edited by hand', async () => {
    cpSync('schema', join(dir, 'schema'), { recursive: true });
    const file = join(dir, 'schema/subgraphs/grid.graphql');
    writeFileSync(file, readFileSync(file, 'utf8').replace('type Query {', 'type Query {\n  handEdited: String'));
    const result = await compose('--check', '--out', dir);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('schema/subgraphs/grid.graphql');
  });

  it('lists the changes that would break clients when the checked-in supergraph has a field the fresh one lacks', async () => {
    cpSync('schema', join(dir, 'schema'), { recursive: true });
    const file = join(dir, 'schema/supergraph.graphql');
    // Simulate a field that the subgraphs no longer serve: the checked-in
    // supergraph has it, a fresh composition does not.
    const edited = readFileSync(file, 'utf8').replace(
      /(type Query\n(?:.*\n)*?\{\n)/,
      '$1  removedLater: String @join__field(graph: GRID)\n',
    );
    expect(edited).toContain('removedLater');
    writeFileSync(file, edited);
    const result = await compose('--check', '--out', dir);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('schema/supergraph.graphql');
    expect(result.stderr).toMatch(/FIELD_REMOVED: Query\.removedLater was removed/);
  });
});
