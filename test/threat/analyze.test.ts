import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { NotFoundError, ValidationError } from '../../src/core/errors.js';
import { deriveLedger, loadDeployment, type ExposureLedger } from '../../src/deploy/index.js';
import { analyzeDeployment, toAnalysisJson, type ThreatAnalysis } from '../../src/threat/analyze.js';
import { buildContext, startingPosition } from '../../src/threat/context.js';
import { builtinKnowledgeBase } from '../../src/threat/kb/index.js';
import type { ObjectiveId, ProfileId } from '../../src/threat/model.js';
import { EXAMPLES, blockedBy, isSubsequence, replayPath } from './helpers.js';

const kb = builtinKnowledgeBase();
const load = (name: string) => loadDeployment({ file: join(EXAMPLES, `${name}.yaml`) });
const paths = (a: ThreatAnalysis, attacker: ProfileId, objective: ObjectiveId) =>
  a.attackers.find((x) => x.attacker === attacker)?.objectives.find((o) => o.id === objective)?.paths ?? [];

describe('expected attack chains in the example deployments', () => {
  const publicApi = analyzeDeployment(kb, load('public-inference-api'), { maxPaths: 20 });
  const untrustedQc = analyzeDeployment(kb, load('untrusted-quantum-cloud'), { maxPaths: 20 });

  it('api-client: inference API -> proxy model by replication -> transfer adversarial example -> evasion', () => {
    const found = paths(publicApi, 'api-client', 'targeted-misclassification').map((p) => p.techniques);
    // QML.T0011 query, QML.T0038 proxy by replication, QML.T0040 transfer, QML.T0050 evasion.
    expect(found.some((p) => isSubsequence(['QML.T0011', 'QML.T0038', 'QML.T0040', 'QML.T0050'], p))).toBe(true);
    const ip = paths(publicApi, 'api-client', 'steal-model-ip').map((p) => p.techniques);
    expect(ip[0]).toEqual(['QML.T0011', 'QML.T0037', 'QML.T0038', 'QML.T0047']);
  });

  it('quantum-cloud-insider: white-box circuit access -> encoding and weights -> training-data harvest -> clone', () => {
    const found = paths(untrustedQc, 'quantum-cloud-insider', 'steal-model-ip').map((p) => p.techniques);
    // QML.T0012 white-box, QML.T0025 encoding/architecture, QML.T0027 data harvest, QML.T0043 clone.
    expect(found.some((p) => isSubsequence(['QML.T0012', 'QML.T0025', 'QML.T0027', 'QML.T0043'], p))).toBe(true);
    // ... and the weights are harvested on the direct theft path.
    expect(found).toContainEqual(['QML.T0012', 'QML.T0025', 'QML.T0026', 'QML.T0045']);
  });

  it('co-tenant: fingerprinting -> co-location -> crosstalk fault injection', () => {
    for (const a of [publicApi, untrustedQc]) {
      const found = paths(a, 'co-tenant', 'degrade-integrity').map((p) => p.techniques);
      expect(found.some((p) => isSubsequence(['QML.T0003', 'QML.T0010', 'QML.T0053'], p))).toBe(true);
    }
  });

  it('never uses a capability the attacker cannot get', () => {
    for (const name of ['trusted-single-provider', 'untrusted-quantum-cloud', 'public-inference-api', 'hardened']) {
      const d = load(name);
      const a = analyzeDeployment(kb, d, { maxPaths: 20 });
      const blocked = blockedBy(kb, a.mitigationsInEffect);
      for (const attacker of a.attackers) {
        for (const o of attacker.objectives) {
          expect(o.reachable).toBe(o.paths.length > 0);
          for (const p of o.paths) expect(replayPath(kb, attacker, o.id, p, blocked), `${name} ${attacker.attacker} ${o.id}`).toEqual([]);
        }
      }
    }
  });

  it('gives the trusted single provider no attacker at all', () => {
    const a = analyzeDeployment(kb, load('trusted-single-provider'));
    expect(a.attackers.every((x) => !x.applicable)).toBe(true);
    expect(a.attackers.find((x) => x.attacker === 'quantum-cloud-insider')?.reason).toContain('trusted');
  });

  it('leaves the hardened deployment with fewer and weaker paths than the unhardened one', () => {
    const hardened = analyzeDeployment(kb, load('hardened'));
    const count = (a: ThreatAnalysis) => a.attackers.flatMap((x) => x.objectives.filter((o) => o.reachable)).length;
    expect(count(hardened)).toBeLessThan(count(publicApi));
    expect(hardened.attackers.find((x) => x.attacker === 'quantum-cloud-insider')?.objectives.every((o) => !o.reachable)).toBe(true);
    expect(hardened.implied.map((m) => m.id).sort()).toEqual(['AML.M0002', 'AML.M0004']);
  });
});

describe('minimal mitigations', () => {
  it('removes every path to the cuttable objectives when switched on', () => {
    for (const name of ['untrusted-quantum-cloud', 'public-inference-api', 'hardened']) {
      const d = load(name);
      const before = analyzeDeployment(kb, d);
      for (const attacker of before.attackers.filter((x) => x.applicable)) {
        const after = analyzeDeployment(kb, d, { attackers: [attacker.attacker], extraMitigations: attacker.cut.mitigations, skipCut: true }).attackers[0];
        for (const o of after?.objectives ?? []) {
          const uncuttable = attacker.cut.uncuttableObjectives.includes(o.id);
          expect(o.reachable, `${name} ${attacker.attacker} ${o.id}`).toBe(uncuttable);
        }
        expect(attacker.cut.exact).toBe(true);
      }
    }
  });

  it('is minimal: dropping any one mitigation of the cut reopens a path', () => {
    const d = load('public-inference-api');
    const a = analyzeDeployment(kb, d, { attackers: ['api-client'] }).attackers[0];
    expect(a?.cut.mitigations.length).toBeGreaterThan(1);
    for (const m of a?.cut.mitigations ?? []) {
      const fewer = a?.cut.mitigations.filter((x) => x !== m) ?? [];
      const reopened = analyzeDeployment(kb, d, { attackers: ['api-client'], extraMitigations: fewer, skipCut: true }).attackers[0];
      expect(reopened?.objectives.some((o) => o.reachable), m).toBe(true);
    }
  });

  it('reports objectives no mitigation can cut', () => {
    const a = analyzeDeployment(kb, load('untrusted-quantum-cloud'), { attackers: ['quantum-cloud-insider'] }).attackers[0];
    // An untrusted provider can always over-bill (QML.T0067 is only hindered by telemetry).
    expect(a?.cut.uncuttableObjectives).toEqual(['inflate-cost']);
  });
});

describe('exposure ledger', () => {
  it('derives insider capabilities from the assets the party received', () => {
    const d = load('untrusted-quantum-cloud');
    const ctx = buildContext(kb, d);
    const start = startingPosition(kb, ctx, 'quantum-cloud-insider');
    expect([...start.tokens.keys()].filter((t) => t.startsWith('has:')).sort()).toEqual(['has:encoding-circuit', 'has:pqc-architecture', 'has:preprocessed-features', 'has:trained-weights']);
    expect(start.tokens.get('has:trained-weights')).toContain('derived ledger: cheap-qpu received trained-weights from lab at S3');
    expect(start.tokens.has('ctl:qpu-execution')).toBe(true); // untrusted and performs S4
  });

  it('drops the paths that need weights when the recorded ledger shows none were sent', () => {
    const d = load('untrusted-quantum-cloud');
    const derived = deriveLedger(d);
    const noWeights: ExposureLedger = { source: 'recorded', records: derived.records.filter((r) => r.asset !== 'trained-weights') };
    const full = analyzeDeployment(kb, d, { attackers: ['quantum-cloud-insider'], maxPaths: 50 });
    const reduced = analyzeDeployment(kb, d, { attackers: ['quantum-cloud-insider'], maxPaths: 50, ledger: noWeights });
    expect(reduced.ledgerSource).toBe('recorded');
    const usesWeights = (a: ThreatAnalysis) => a.attackers[0]?.objectives.flatMap((o) => o.paths).filter((p) => p.startTokens.includes('has:trained-weights')) ?? [];
    expect(usesWeights(full).length).toBeGreaterThan(0);
    expect(usesWeights(reduced)).toEqual([]);
    // An honest-but-curious provider has no power side channel to fall back on: weight theft disappears.
    const curious = loadDeployment({ file: join(EXAMPLES, 'untrusted-quantum-cloud.yaml') });
    const hbc = { ...curious, parties: curious.parties.map((p) => (p.id === 'cheap-qpu' ? { ...p, trust: 'honest-but-curious' as const } : p)) };
    const techniquesOf = (a: ThreatAnalysis) => new Set(a.attackers[0]?.objectives.flatMap((o) => o.paths.flatMap((p) => p.techniques)));
    expect(techniquesOf(analyzeDeployment(kb, hbc, { attackers: ['quantum-cloud-insider'], maxPaths: 50 })).has('QML.T0026')).toBe(true);
    expect(techniquesOf(analyzeDeployment(kb, hbc, { attackers: ['quantum-cloud-insider'], maxPaths: 50, ledger: noWeights })).has('QML.T0026')).toBe(false);
  });

  it('rejects unknown mitigations, attackers and objectives with the valid choices', () => {
    const d = load('hardened');
    expect(() => analyzeDeployment(kb, d, { extraMitigations: ['QML.M0999'] })).toThrow(/unknown mitigation "QML.M0999" \(valid: AML.M0000/);
    expect(() => analyzeDeployment(kb, d, { attackers: ['insider' as never] })).toThrow(NotFoundError);
    expect(() => analyzeDeployment(kb, d, { objectives: ['fame' as never] })).toThrow(/unknown objective "fame"/);
  });

  it('rejects a ledger that names parties the deployment lacks', () => {
    const d = load('untrusted-quantum-cloud');
    const bad: ExposureLedger = { records: [{ step: 'S3', from: 'lab', to: 'eve', asset: 'labels', time: 0 }] };
    expect(() => analyzeDeployment(kb, d, { ledger: bad })).toThrow(ValidationError);
  });
});

describe('JSON contract', () => {
  it('has the documented shape', () => {
    const a = analyzeDeployment(kb, load('public-inference-api'), { attackers: ['co-tenant'] });
    const json = toAnalysisJson(a.attackers[0] as never);
    expect(json.attacker).toBe('co-tenant');
    expect(json.objectives.map((o) => o.id)).toEqual(['steal-model-ip', 'steal-training-data', 'targeted-misclassification', 'degrade-integrity', 'deny-service', 'inflate-cost']);
    for (const o of json.objectives) {
      expect(typeof o.reachable).toBe('boolean');
      for (const p of o.paths) {
        expect(p.techniques.every((t) => /^QML\.T\d{4}$/.test(t))).toBe(true);
        expect(p.score).toBeGreaterThan(0);
        expect(p.score).toBeLessThanOrEqual(1);
      }
    }
    expect(json.minimal_mitigations).toEqual([...json.minimal_mitigations].sort());
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
