/** `qmlsec bench qnn`: the JSON contract, the text table against targets, and bad options. */
import { describe, expect, it } from 'vitest';
import { PENNYLANE_MS, TARGET_MS } from '../../src/cli/bench/qnn-workloads.js';
import { run } from './run-cli.js';

describe('qmlsec bench qnn', () => {
  it('--json prints the five workload medians in milliseconds', async () => {
    const r = await run('bench', 'qnn', '--repeats', '1', '--json');
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as Record<string, number>;
    expect(Object.keys(json).sort()).toEqual(Object.keys(TARGET_MS).sort());
    for (const [k, v] of Object.entries(json)) {
      expect(Number.isFinite(v) && v > 0, k).toBe(true);
    }
    // 30 Adam epochs (W2) cost more than one forward + gradient (W1) of the same model.
    expect(json['W2_ms']).toBeGreaterThan(json['W1_ms'] as number);
  }, 60_000);

  it('the text output names each target and the PennyLane figure', async () => {
    const r = await run('bench', 'qnn', '--repeats', '1');
    expect(r.code, r.err).toBe(0);
    for (const k of Object.keys(TARGET_MS) as (keyof typeof TARGET_MS)[]) {
      expect(r.out).toMatch(new RegExp(`${k} +[\\d.]+ ms +target ≤ ${TARGET_MS[k]} ms +PennyLane ${PENNYLANE_MS[k]} ms`));
    }
  }, 60_000);

  it('rejects a repeat count that is not a positive integer (exit 2)', async () => {
    for (const bad of ['0', 'abc', '2.5']) {
      const r = await run('bench', 'qnn', '--repeats', bad);
      expect(r.code).toBe(2);
      expect(r.err).toContain('--repeats');
    }
  });
});
