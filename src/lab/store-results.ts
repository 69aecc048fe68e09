/** Lab results in the store (table experiment_results): one row per scenario run. */
import type { ExperimentRecord } from '../store/experiments-repository.js';
import type { Store } from '../store/store.js';
import type { LabResults } from './results.js';

/** Records every scenario of a lab run; returns the stored rows. */
export async function recordLabResults(store: Pick<Store, 'experiments'>, results: LabResults, params: Record<string, unknown> = {}): Promise<ExperimentRecord[]> {
  const rows: ExperimentRecord[] = [];
  for (const s of results.scenarios) {
    rows.push(await store.experiments.record({
      experiment: `lab:${s.id}`,
      params: { ...params, seeds: s.seeds, qmlsec: results.qmlsec, generated: results.generated },
      metrics: JSON.parse(JSON.stringify(s)) as Record<string, unknown>,
    }));
  }
  return rows;
}
