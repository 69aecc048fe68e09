import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ParseError, ValidationError } from '../../src/core/errors.js';
import {
  assetsReceivedBy,
  checkLedger,
  deriveLedger,
  loadDeployment,
  loadLedger,
  type ExposureLedger,
} from '../../src/deploy/index.js';

const EXAMPLES = join(import.meta.dirname, '../../examples/deployments');
const load = (name: string) => loadDeployment({ file: join(EXAMPLES, `${name}.yaml`) });
const sorted = (s: ReadonlySet<string>) => [...s].sort();

describe('deriveLedger', () => {
  it('gives a transpiling quantum cloud the logical circuits, weights and bound features', () => {
    const d = load('untrusted-quantum-cloud');
    const ledger = deriveLedger(d);
    expect(ledger.source).toBe('derived');
    expect(sorted(assetsReceivedBy(ledger, 'cheap-qpu'))).toEqual(['encoding-circuit', 'pqc-architecture', 'preprocessed-features', 'trained-weights']);
    expect(sorted(assetsReceivedBy(ledger, 'lab'))).toEqual(['measurement-outputs']);
    // Hand count: 4 assets sent at S3 + measurement outputs back; nothing else leaves the lab.
    expect(ledger.records).toHaveLength(5);
    expect(ledger.records.map((r) => r.time)).toEqual([0, 1, 2, 3, 4]);
    expect(ledger.records.every((r) => r.from !== r.to)).toBe(true);
  });

  it('gives a quantum cloud only transpiled circuits when the client side transpiles', () => {
    const d = load('public-inference-api');
    const ledger = deriveLedger(d);
    expect(sorted(assetsReceivedBy(ledger, 'quantum-co'))).toEqual(['inference-features', 'preprocessed-features', 'trained-weights', 'transpiled-circuit']);
    expect(sorted(assetsReceivedBy(ledger, 'ml-cloud'))).toEqual([
      'encoding-circuit', 'inference-queries', 'labels', 'measurement-outputs', 'pqc-architecture',
      'preprocessed-features', 'provider-credentials', 'raw-data', 'trained-weights',
    ]);
    expect(sorted(assetsReceivedBy(ledger, 'public'))).toEqual(['predictions']);
    // Supplier and compiler vendor provide inputs/software only: they never receive anything.
    expect(assetsReceivedBy(ledger, 'label-vendor').size).toBe(0);
    expect(assetsReceivedBy(ledger, 'qcompile').size).toBe(0);
    const s4 = ledger.records.filter((r) => r.to === 'quantum-co');
    expect(new Set(s4.map((r) => r.step))).toEqual(new Set(['S4', 'I2']));
  });

  it('keeps every asset at home for a fully in-house pipeline', () => {
    const text = `name: home
dataset: wine
model: m.yaml
parties:
  - { id: me, role: data-owner }
  - { id: q, role: quantum-cloud, trust: trusted, devices: [quantinuum_h1] }
workflow: { S1: me, S2: me, S3: me, S4: q, S5: me, S6: me }
`;
    const ledger = deriveLedger(loadDeployment({ text }));
    expect(sorted(assetsReceivedBy(ledger, 'q'))).toEqual(['preprocessed-features', 'trained-weights', 'transpiled-circuit']);
    expect(sorted(assetsReceivedBy(ledger, 'me'))).toEqual(['measurement-outputs']);
  });

  it('is consistent with its deployment', () => {
    for (const name of ['trusted-single-provider', 'untrusted-quantum-cloud', 'public-inference-api', 'hardened']) {
      const d = load(name);
      expect(checkLedger(deriveLedger(d), d)).toEqual([]);
    }
  });
});

describe('loadLedger', () => {
  const records = [
    { step: 'S3', from: 'lab', to: 'cheap-qpu', asset: 'encoding-circuit', time: '2025-01-01T00:00:00Z' },
    { step: 'S4', from: 'cheap-qpu', to: 'lab', asset: 'measurement-outputs', time: 17, note: 'counts' },
  ];

  it('reads an object, a bare array and JSON Lines alike', () => {
    const a = loadLedger({ text: JSON.stringify({ deployment: 'x', source: 'recorded', records }) });
    const b = loadLedger({ text: JSON.stringify(records) });
    const c = loadLedger({ text: records.map((r) => JSON.stringify(r)).join('\n') });
    expect(a.records).toEqual(records);
    expect(b.records).toEqual(records);
    expect(c.records).toEqual(records);
    expect(a.source).toBe('recorded');
  });

  it('names the offending record field', () => {
    const bad = [records[0], { ...records[1], asset: 'secrets' }];
    try {
      loadLedger({ text: JSON.stringify({ records: bad }), file: 'l.json' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).path).toEqual(['records', 1, 'asset']);
    }
  });

  it('reports JSON Lines syntax errors with their line', () => {
    const text = `${JSON.stringify(records[0])}\n{"step": "S4",\n${JSON.stringify(records[1])}`;
    expect(() => loadLedger({ text: text.replace('{"step": "S4",', '{"step": "S4", x}') })).toThrow(ParseError);
  });

  it('flags parties the deployment does not have', () => {
    const d = load('untrusted-quantum-cloud');
    const ledger: ExposureLedger = { records: [{ step: 'S3', from: 'lab', to: 'mallory', asset: 'labels', time: 0 }] };
    const issues = checkLedger(ledger, d);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toEqual(['records', 0, 'to']);
    expect(issues[0]?.message).toContain('unknown party "mallory"');
  });
});
