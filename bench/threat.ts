/**
 * Threat-engine benchmarks (issue: QML kill chain). Prints JSON:
 * - ms for the full analysis of the built-in knowledge base (all six attackers, all six
 *   objectives, ranked paths and minimal mitigations) of each example deployment;
 * - ms for the same analysis against a generated knowledge base of 1,000 techniques.
 * Times are medians of 5 runs after 1 warm-up run; `cold_ms` is the very first run.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadDeployment } from '../src/deploy/load.js';
import { analyzeDeployment, type ThreatAnalysis } from '../src/threat/analyze.js';
import { builtinKnowledgeBase } from '../src/threat/kb/index.js';
import type { KnowledgeBase } from '../src/threat/knowledge-base.js';
import { generateKnowledgeBase } from '../src/threat/synthetic.js';
import { round, timeMs, type Benchmark } from './harness.js';

const EXAMPLES = join(import.meta.dirname, '../examples/deployments');

function summary(a: ThreatAnalysis): Record<string, number> {
  const applicable = a.attackers.filter((x) => x.applicable);
  return {
    applicable_attackers: applicable.length,
    reachable_objectives: applicable.reduce((s, x) => s + x.objectives.filter((o) => o.reachable).length, 0),
    paths: applicable.reduce((s, x) => s + x.objectives.reduce((t, o) => t + o.paths.length, 0), 0),
    exact_cuts: applicable.filter((x) => x.cut.exact).length,
  };
}

function measure(kb: KnowledgeBase, deploymentName: string): Record<string, unknown> {
  const d = loadDeployment({ file: join(EXAMPLES, `${deploymentName}.yaml`) });
  const t0 = performance.now();
  const first = analyzeDeployment(kb, d);
  const cold = performance.now() - t0;
  const ms = timeMs(() => analyzeDeployment(kb, d), 5, 1);
  return { ms: round(ms), cold_ms: round(cold), ...summary(first) };
}

/** The threat benchmark. */
export const threatBenchmark: Benchmark = {
  name: 'threat',
  run() {
    const kb = builtinKnowledgeBase();
    const builtin: Record<string, unknown> = {};
    for (const name of ['trusted-single-provider', 'untrusted-quantum-cloud', 'public-inference-api', 'hardened']) builtin[name] = measure(kb, name);
    const t0 = performance.now();
    const big = generateKnowledgeBase({ techniques: 1000, seed: 1 });
    const generateMs = performance.now() - t0;
    return {
      builtin_kb: { techniques: kb.techniques.length, mitigations: kb.mitigations.length, full_analysis: builtin },
      generated_kb_1000: {
        techniques: big.techniques.length,
        mitigations: big.mitigations.length,
        generate_and_validate_ms: round(generateMs),
        full_analysis_public_inference_api: measure(big, 'public-inference-api'),
      },
    };
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await threatBenchmark.run(), null, 2));
}
