import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SERVICE_NODE_FLAGS } from '../../../scripts/serviceNodeFlags.ts';

// npm start and the bench put these before every service's script; the e2e
// tests start services without them, so this is where a Node that refuses
// one (a renamed V8 option) shows up.
describe('SERVICE_NODE_FLAGS', () => {
  it('are accepted by this Node and give the young generation 16 MB semi-spaces from the start', () => {
    const printed = execFileSync(
      process.execPath,
      [...SERVICE_NODE_FLAGS, '-e', "const s = require('v8').getHeapSpaceStatistics().find((x) => x.space_name === 'new_space'); console.log(s.space_size)"],
      { encoding: 'utf8' },
    );
    // V8 reports the new space's capacity: one semi-space (Node 20) or more on later versions.
    expect(Number(printed.trim())).toBeGreaterThanOrEqual(16 * 1024 * 1024);
  });
});
