/**
 * Runs a scenario over seeds and aggregates: means with 95 % CIs for every metric of the
 * attack and of each defense variant (and its cost), per-x summaries of chart series, mean
 * technique impact. A seed that throws is recorded with its message; the others still count,
 * and the result says `partial` instead of hiding it.
 */
import { InputError, QmlsecError } from '../core/errors.js';
import type { Metrics, Scenario, ScenarioContext, ScenarioRun } from './scenario.js';
import type { DefenseResult, ScenarioResult, SeriesSummary } from './results.js';
import { summarize } from './stats.js';
import { summaryJson } from './results.js';

export interface RunOptions extends Omit<ScenarioContext, 'seed' | 'progress'> {
  /** Seeds to run (default [1, 2, 3]). */
  readonly seeds?: readonly number[];
  /** Progress over all seeds, 0..1. */
  readonly onProgress?: (fraction: number, message: string) => void;
}

function collect(runs: readonly Metrics[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const m of runs) for (const [k, v] of Object.entries(m)) (out[k] ??= []).push(v);
  return out;
}

function summarizeAll(runs: readonly Metrics[]) {
  return Object.fromEntries(Object.entries(collect(runs)).map(([k, v]) => [k, summaryJson(summarize(v))]));
}

export async function runScenario(scenario: Scenario, options: RunOptions = {}): Promise<ScenarioResult> {
  const t0 = performance.now();
  const seeds = options.seeds ?? [1, 2, 3];
  if (seeds.length === 0) throw new InputError('at least one seed is needed', 'SEEDS');
  if (options.deployment && scenario.checkDeployment) scenario.checkDeployment(options.deployment);
  const runs: { seed: number; run: ScenarioRun }[] = [];
  const errors: { seed: number; message: string }[] = [];
  for (let i = 0; i < seeds.length; i++) {
    const seed = seeds[i] as number;
    try {
      const run = await scenario.run({
        ...options,
        seed,
        progress: (f, message) => options.onProgress?.((i + Math.min(1, Math.max(0, f))) / seeds.length, message),
      });
      runs.push({ seed, run });
    } catch (err) {
      if (err instanceof QmlsecError && err.code === 'USAGE') throw err;
      errors.push({ seed, message: err instanceof Error ? err.message : String(err) });
    }
  }
  const attackRuns = runs.map((r) => r.run.attack);
  const defenses: DefenseResult[] = scenario.defenses.map((d) => {
    const mine = runs.map((r) => r.run.defenses[d.id]).filter((x): x is NonNullable<typeof x> => x !== undefined);
    return { id: d.id, mitigations: d.mitigations, description: d.description, metrics: summarizeAll(mine.map((m) => m.metrics)), cost: summarizeAll(mine.map((m) => m.cost)) };
  });
  const seriesGroups = new Map<string, number[]>();
  for (const r of runs) for (const p of r.run.series ?? []) {
    const key = `${p.series}\u0000${p.x}`;
    seriesGroups.set(key, [...(seriesGroups.get(key) ?? []), p.y]);
  }
  const series: SeriesSummary[] = [...seriesGroups].map(([key, ys]) => {
    const [name, x] = key.split('\u0000') as [string, string];
    const s = summarize(ys);
    const summary: SeriesSummary = { series: name, x: Number(x), mean: s.mean, ci95: [s.ci95[0], s.ci95[1]], n: s.n };
    return summary;
  }).sort((a, b) => (a.series < b.series ? -1 : a.series > b.series ? 1 : a.x - b.x));
  const impactSums = new Map<string, number[]>();
  for (const m of attackRuns) for (const [t, v] of scenario.impact(m)) impactSums.set(t, [...(impactSums.get(t) ?? []), v]);
  const notes: Record<string, string | number> = {};
  for (const r of runs) Object.assign(notes, r.run.notes ?? {});
  return {
    id: scenario.id,
    title: scenario.title,
    techniques: scenario.techniques,
    attacker: scenario.attacker,
    ...(scenario.anchor ? { anchor: scenario.anchor } : {}),
    status: errors.length === 0 ? 'complete' : runs.length > 0 ? 'partial' : 'failed',
    seeds: [...seeds],
    metrics: summarizeAll(attackRuns),
    defenses,
    series,
    notes,
    errors,
    impact: Object.fromEntries([...impactSums].map(([t, v]) => [t, summarize(v).mean])),
    seconds: (performance.now() - t0) / 1000,
  };
}
