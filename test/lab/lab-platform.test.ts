import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argmaxRows } from '../../src/qml/metrics.js';
import { simulatorExecutor, trainFromSpec, type SpecRunResult } from '../../src/qml/runner.js';
import { ApiClient } from '../../src/lab/common/api-client.js';
import { ExtractionMonitor } from '../../src/lab/common/extraction-monitor.js';
import { IRIS_VICTIM_SPEC } from '../../src/lab/common/iris.js';
import { serveVictim, useLabStore } from '../../src/lab/common/platform.js';
import type { StreamDetector } from '../../src/lab/common/stream-detector.js';
import { embeddedStore } from '../store/helpers/stores.js';

let victim: SpecRunResult;
let cleanup: () => Promise<void>;
const rows = [[5.1, 3.5, 1.4, 0.2], [6.4, 3.2, 4.5, 1.5], [6.3, 3.3, 6.0, 2.5], [5.8, 2.7, 5.1, 1.9], [4.9, 3.0, 1.4, 0.2]];

beforeAll(async () => {
  const s = await embeddedStore();
  useLabStore(s.store);
  cleanup = s.cleanup;
  victim = await trainFromSpec(IRIS_VICTIM_SPEC, { seed: 1 });
}, 60_000);

afterAll(async () => cleanup?.());

/** A detector test double that records what the monitor feeds it. */
class Recorder implements StreamDetector {
  readonly seen: { x: number[]; label: number }[] = [];
  detectedAt: number | undefined;
  observe(x: ArrayLike<number>, label: number): void {
    this.seen.push({ x: Array.from(x), label });
  }
  get queries(): number {
    return this.seen.length;
  }
}

describe('the live platform the lab attacks', () => {
  it('answers through the real API with the real model (exact serving: the model\'s own probabilities)', async () => {
    const served = await serveVictim(victim.artifact, { seed: 1, output: { kind: 'probabilities' } });
    try {
      const key = await served.issueKey('client', null);
      const r = await new ApiClient(served.service, served.modelId, key.secret, served.classes).predictAll(rows, { batchSize: 2 });
      const expected = victim.model.predictProba(rows, simulatorExecutor('statevector'));
      expect(r.requests).toBe(3);
      r.answers.forEach((a, b) => a.probabilities.forEach((p, c) => expect(p).toBeCloseTo(expected[b * 3 + c] as number, 12)));
      expect(r.answers.map((a) => a.label)).toEqual(Array.from(argmaxRows(expected, rows.length, 3)));
      expect(await served.store.audit.count(key.id)).toBe(3);
    } finally {
      await served.close();
    }
  });

  it('adds fresh shot noise per request, reproducibly per seed', async () => {
    const answers = async () => {
      const served = await serveVictim(victim.artifact, { shots: 50, seed: 7, output: { kind: 'probabilities' } });
      try {
        const key = await served.issueKey('client', null);
        const c = new ApiClient(served.service, served.modelId, key.secret, served.classes);
        return [(await c.predictAll(rows)).answers, (await c.predictAll(rows)).answers];
      } finally {
        await served.close();
      }
    };
    const [first, second] = await answers();
    expect(first?.map((a) => a.probabilities)).not.toEqual(second?.map((a) => a.probabilities));
    expect(await answers()).toEqual([first, second]);
  });

  it('refuses past the quota (429) and after revocation (401), and the client says why', async () => {
    const served = await serveVictim(victim.artifact, { seed: 1, output: { kind: 'probabilities' } });
    try {
      const limited = await served.issueKey('limited', 3);
      const q = await new ApiClient(served.service, served.modelId, limited.secret, served.classes).predictAll(rows, { batchSize: 2 });
      expect(q).toMatchObject({ refused: 3, stoppedBy: 'quota', requests: 2 });
      expect(q.answers).toHaveLength(2);
      const key = await served.issueKey('revoked', null);
      const client = new ApiClient(served.service, served.modelId, key.secret, served.classes);
      const r = await client.predictAll(rows, { batchSize: 2, afterRequest: async (n) => void (n === 2 && (await served.revokeKey(key.id))) });
      expect(r).toMatchObject({ refused: 3, stoppedBy: 'revoked' });
    } finally {
      await served.close();
    }
  });

  it('obfuscates outputs service-side (labels only)', async () => {
    const served = await serveVictim(victim.artifact, { seed: 1, output: { kind: 'label' } });
    try {
      const key = await served.issueKey('client', null);
      const r = await new ApiClient(served.service, served.modelId, key.secret, served.classes).predictAll(rows);
      r.answers.forEach((a) => expect(a.probabilities).toEqual([0, 1, 2].map((c) => (c === a.label ? 1 : 0))));
    } finally {
      await served.close();
    }
  });

  it('feeds a key\'s audit-log rows, joined with the query journal, to its detector in order', async () => {
    const served = await serveVictim(victim.artifact, { seed: 1, output: { kind: 'probabilities' }, journal: true });
    try {
      const recorders = new Map<string, Recorder>();
      let next: Recorder | undefined;
      const monitor = new ExtractionMonitor(served.store, served.journal as NonNullable<typeof served.journal>, served.classes, () => (next = new Recorder()));
      const key = await served.issueKey('watched', null);
      const other = await served.issueKey('other', null);
      const r = await new ApiClient(served.service, served.modelId, key.secret, served.classes).predictAll(rows, {
        batchSize: 2,
        afterRequest: async () => {
          await monitor.poll(key.id);
          if (next) recorders.set(key.id, next);
        },
      });
      await new ApiClient(served.service, served.modelId, other.secret, served.classes).predictAll([[1, 2, 3, 4]]);
      await monitor.poll(key.id); // nothing new: rows are not fed twice
      const rec = recorders.get(key.id) as Recorder;
      expect(rec.seen.map((s) => s.x)).toEqual(rows);
      expect(rec.seen.map((s) => s.label)).toEqual(r.answers.map((a) => a.label));
      expect(monitor.queriesSeen(key.id)).toBe(rows.length);
      expect(served.journal?.retainedRows).toBe(rows.length + 1);
    } finally {
      await served.close();
    }
  });
});
