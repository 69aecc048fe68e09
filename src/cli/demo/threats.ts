/** Demo step: the kill-chain analysis of the demo deployment. */
import type { Deployment } from '../../deploy/deployment.js';
import type { ExposureLedger } from '../../deploy/ledger.js';
import { analyzeDeployment, type ThreatAnalysis } from '../../threat/analyze.js';
import { builtinKnowledgeBase } from '../../threat/kb/index.js';
import { say, section } from './say.js';

export function demoThreats(deployment: Deployment, ledger: ExposureLedger): ThreatAnalysis {
  section('Threats: attack paths the deployment allows (from the recorded ledger)');
  const kb = builtinKnowledgeBase();
  const analysis = analyzeDeployment(kb, deployment, { ledger });
  for (const a of analysis.attackers) {
    if (!a.applicable) continue;
    const reachable = a.objectives.filter((o) => o.reachable);
    const best = reachable.flatMap((o) => o.paths.slice(0, 1).map((p) => ({ o: o.id, p }))).sort((x, y) => y.p.score - x.p.score)[0];
    say(`  ${a.attacker.padEnd(22)} reaches ${reachable.length}/${a.objectives.length} objectives${best ? `; e.g. ${best.o}: ${best.p.techniques.join(' → ')}` : ''}`);
    if (a.cut.mitigations.length > 0) say(`  ${''.padEnd(22)} cut by ${a.cut.mitigations.join(', ')}${a.cut.exact ? '' : ' (greedy)'}${a.cut.uncuttableObjectives.length ? `; not cuttable: ${a.cut.uncuttableObjectives.join(', ')}` : ''}`);
  }
  return analysis;
}
