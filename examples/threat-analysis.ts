/**
 * Threat analysis of a QMLaaS deployment with the qmlsec kill chain: load a deployment, look
 * at what each party receives (the exposure ledger), rank the attack paths of two attackers,
 * and check that the minimal mitigations the engine proposes really cut them.
 *
 *   npx tsx examples/threat-analysis.ts
 */
import { join } from 'node:path';
import {
  analyzeDeployment,
  analysisToMermaid,
  assetsReceivedBy,
  builtinKnowledgeBase,
  deriveLedger,
  loadDeployment,
} from '../src/index.js';

const kb = builtinKnowledgeBase();
const file = join(import.meta.dirname, 'deployments/public-inference-api.yaml');
const deployment = loadDeployment({ file }, { knownMitigations: new Set(kb.mitigations.map((m) => m.id)) });
console.log(`${deployment.name}: ${deployment.parties.length} parties, knowledge base ${kb.version} (${kb.techniques.length} techniques)`);

// 1. Who receives what (derived statically; the platform records the real ledger).
const ledger = deriveLedger(deployment);
for (const p of deployment.parties) {
  const assets = [...assetsReceivedBy(ledger, p.id)];
  console.log(`  ${p.id.padEnd(13)} ${p.role.padEnd(16)} ${p.trust.padEnd(19)} receives: ${assets.join(', ') || '—'}`);
}

// 2. Ranked paths for an outsider and a co-tenant.
const analysis = analyzeDeployment(kb, deployment, { attackers: ['api-client', 'co-tenant'], maxPaths: 2 });
for (const a of analysis.attackers) {
  console.log(`\n${a.name}: ${a.reason}`);
  for (const o of a.objectives.filter((x) => x.reachable)) {
    const best = o.paths[0];
    if (best) console.log(`  ${o.name.padEnd(27)} score ${best.score.toFixed(3)}  ${best.techniques.join(' → ')}`);
  }
  console.log(`  minimal mitigations (${a.cut.exact ? 'proven minimum' : `≥ ${a.cut.lowerBound}`}): ${a.cut.mitigations.join(', ')}`);

  // 3. Switch them on and analyse again: nothing cuttable is left.
  const after = analyzeDeployment(kb, deployment, { attackers: [a.attacker], extraMitigations: a.cut.mitigations, skipCut: true });
  const left = after.attackers[0]?.objectives.filter((o) => o.reachable).map((o) => o.id) ?? [];
  console.log(`  with them on, still reachable: ${left.join(', ') || 'nothing'}`);
}

// 4. The co-tenant's paths as a Mermaid diagram.
const coTenant = analyzeDeployment(kb, deployment, { attackers: ['co-tenant'], objectives: ['degrade-integrity'], maxPaths: 1, skipCut: true });
console.log(`\n${analysisToMermaid(coTenant)}`);
