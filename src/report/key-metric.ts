/**
 * The headline of a scenario: its key attack metric and the defense that leaves the attacker
 * least of it. The key metric is the one a scenario names in its notes (`key_metric`), else
 * its first attack metric; the attacker wants it high unless the note `key_metric_goal` is
 * `min` (e.g. the victim's robust accuracy under an evasion attack).
 */
import type { DefenseResult, ScenarioResult, SummaryJson } from '../lab/results.js';

/** A scenario's key attack metric. */
export interface KeyMetric {
  readonly name: string;
  /** Whether the attacker wants the metric high (`max`) or low (`min`). */
  readonly attackerWants: 'max' | 'min';
  /** Its value without defenses. */
  readonly value: SummaryJson;
}

/** The defense that leaves the attacker the least of the key metric. */
export interface BestDefense {
  readonly defense: DefenseResult;
  /** What the key metric still is with this defense. */
  readonly value: SummaryJson;
}

/** The key metric of a scenario, or undefined when it measured nothing. */
export function keyMetric(result: ScenarioResult): KeyMetric | undefined {
  const named = result.notes['key_metric'];
  const name = typeof named === 'string' && named in result.metrics ? named : Object.keys(result.metrics)[0];
  if (name === undefined) return undefined;
  const value = result.metrics[name] as SummaryJson;
  return { name, attackerWants: result.notes['key_metric_goal'] === 'min' ? 'min' : 'max', value };
}

/** The best defense against the key metric, or undefined when no defense measured it. */
export function bestDefense(result: ScenarioResult, key: KeyMetric | undefined = keyMetric(result)): BestDefense | undefined {
  if (!key) return undefined;
  let best: BestDefense | undefined;
  for (const defense of result.defenses) {
    const value = defense.metrics[key.name];
    if (!value || value.n === 0 || !Number.isFinite(value.mean)) continue;
    const better = !best || (key.attackerWants === 'max' ? value.mean < best.value.mean : value.mean > best.value.mean);
    if (better) best = { defense, value };
  }
  return best;
}
