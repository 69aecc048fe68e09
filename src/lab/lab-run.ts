/**
 * Running several scenarios and writing their results: `results.json` and one ATLAS
 * Navigator layer per scenario (`<scenario-id>.navigator.json`) in an output directory.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/errors.js';
import { builtinKnowledgeBase } from '../threat/kb/index.js';
import { VERSION } from '../version.js';
import { getScenario, listScenarios } from './registry.js';
import type { LabResults, ScenarioResult } from './results.js';
import { runScenario, type RunOptions } from './runner.js';
import { scenarioLayer } from './navigator.js';

export interface LabRunOptions extends RunOptions {
  /** Scenario ids, or ['all']. */
  readonly scenarios: readonly string[];
  readonly onScenario?: (id: string, index: number, total: number) => void;
}

export async function runLab(options: LabRunOptions): Promise<LabResults> {
  const ids = options.scenarios.includes('all') ? listScenarios().map((s) => s.id) : [...options.scenarios];
  const scenarios = ids.map(getScenario);
  const results: ScenarioResult[] = [];
  for (let i = 0; i < scenarios.length; i++) {
    const s = scenarios[i]!;
    options.onScenario?.(s.id, i, scenarios.length);
    results.push(await runScenario(s, options));
  }
  return { generated: new Date().toISOString(), qmlsec: VERSION, scenarios: results };
}

/** Writes results.json and the Navigator layers; returns the files written. */
export function writeLabResults(results: LabResults, dir: string): string[] {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new InputError(`cannot create output directory ${dir}: ${(err as Error).message}`, 'FILE');
  }
  const kb = builtinKnowledgeBase();
  const files: string[] = [];
  const write = (name: string, value: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
    files.push(path);
  };
  write('results.json', results);
  for (const r of results.scenarios) write(`${r.id}.navigator.json`, scenarioLayer(kb, r));
  return files;
}
