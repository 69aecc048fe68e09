/** One ATLAS Navigator layer per scenario, scored with the measured impact per technique. */
import { toNavigatorLayer, type NavigatorLayer } from '../threat/interop/navigator.js';
import type { KnowledgeBase } from '../threat/knowledge-base.js';
import type { ScenarioResult } from './results.js';

export function scenarioLayer(kb: KnowledgeBase, result: ScenarioResult): NavigatorLayer {
  const scores = new Map<string, number>();
  const comments = new Map<string, string>();
  for (const [t, v] of Object.entries(result.impact)) {
    if (!Number.isFinite(v)) continue;
    scores.set(t, Math.round(v * 100));
    comments.set(t, `measured in lab scenario ${result.id} over ${result.seeds.length} seed(s)`);
  }
  return toNavigatorLayer(kb, {
    name: `qmlsec lab: ${result.title}`,
    description: `Measured impact (0-100) of the techniques executed by scenario ${result.id} (${result.status}).`,
    scores,
    comments,
    maxValue: 100,
  });
}
