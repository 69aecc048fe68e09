/**
 * Label inference (QML.T0028) by an insider who never receives labels: qmlsec's loss runs on the
 * classical side, so the labels stay with the data owner. The insider holds the trained circuit
 * and its weights, and qmlsec's head-less readout convention (class k is the largest of the
 * measured values ⟨O_k⟩), so — as in Upadhyay & Ghosh (arXiv 2407.14687) — it predicts each
 * harvested sample's label with the stolen model, then prunes the predictions it is least sure
 * of (smallest margin between the two largest outputs) and fixes them by a vote of their nearest
 * confident neighbours in feature space. A second route clusters the harvested features
 * (k-means); clusters carry no class names, so they are named by the majority of the model's
 * predictions inside each. A third route reads the optimisation trace: every training step
 * moves the weights so that the true class's output of each sample in the minibatch rises, and
 * the insider knows both the minibatch (the rows bound to the step's jobs) and the weights before
 * and after, so it sums each sample's output changes over the steps it took part in and votes.
 */
import { kMeans } from '../../common/kmeans.js';
import { exactOutputs } from './architecture.js';
import { jobWeights, type ModelView } from './model-view.js';

/** Labels predicted from B × K outputs, pruned and fixed (see the module comment). */
export function labelsFromOutputs(outputs: Float64Array, K: number, features: readonly ArrayLike<number>[], options: { pruneFraction?: number; neighbours?: number } = {}): Int32Array {
  const B = features.length;
  const labels = new Int32Array(B);
  const margin = new Float64Array(B);
  for (let b = 0; b < B; b++) {
    let top = -Infinity;
    let second = -Infinity;
    let arg = 0;
    for (let k = 0; k < K; k++) {
      const v = outputs[b * K + k] as number;
      if (v > top) {
        second = top;
        top = v;
        arg = k;
      } else if (v > second) second = v;
    }
    labels[b] = arg;
    margin[b] = K > 1 ? top - second : top;
  }
  const prune = Math.floor(B * (options.pruneFraction ?? 0.2));
  if (prune === 0 || prune >= B) return labels;
  const order = Array.from({ length: B }, (_, i) => i).sort((a, b) => (margin[a] as number) - (margin[b] as number));
  const pruned = new Set(order.slice(0, prune));
  const confident = order.slice(prune);
  const k = options.neighbours ?? 5;
  const fixed = Int32Array.from(labels);
  for (const i of pruned) {
    const near = confident
      .map((j) => ({ j, d: distance(features[i] as ArrayLike<number>, features[j] as ArrayLike<number>) }))
      .sort((a, b) => a.d - b.d || a.j - b.j)
      .slice(0, k);
    const votes = new Map<number, number>();
    for (const { j } of near) votes.set(labels[j] as number, (votes.get(labels[j] as number) ?? 0) + 1);
    fixed[i] = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? (labels[i] as number);
  }
  return fixed;
}

function distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += ((a[i] as number) - (b[i] as number)) ** 2;
  return s;
}

/**
 * k-means clusters of the harvested features, each named by the most common label of `naming`
 * among its members (cluster index when `naming` is absent).
 */
export function clusterLabels(features: readonly ArrayLike<number>[], k: number, seed: string | number, naming?: ArrayLike<number>): Int32Array {
  const c = kMeans(features, k, { seed, restarts: 5 });
  if (!naming) return Int32Array.from(c.assignments);
  const names = new Map<number, number>();
  for (let cluster = 0; cluster < k; cluster++) {
    const votes = new Map<number, number>();
    c.assignments.forEach((a, i) => {
      if (a === cluster) votes.set(naming[i] as number, (votes.get(naming[i] as number) ?? 0) + 1);
    });
    names.set(cluster, [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? cluster);
  }
  return Int32Array.from(c.assignments, (a) => names.get(a) as number);
}

/** Fraction of positions where `a` and `b` agree. */
export function agreement(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** The best agreement of `clusters` with `truth` over every renaming of the clusters (purity up to names). */
export function agreementUpToNames(clusters: ArrayLike<number>, truth: ArrayLike<number>, k: number): number {
  let best = 0;
  const perm = Array.from({ length: k }, (_, i) => i);
  const visit = (i: number): void => {
    if (i === k) {
      let same = 0;
      for (let j = 0; j < clusters.length; j++) if (perm[clusters[j] as number] === truth[j]) same++;
      best = Math.max(best, clusters.length > 0 ? same / clusters.length : 0);
      return;
    }
    for (let j = i; j < k; j++) {
      [perm[i], perm[j]] = [perm[j] as number, perm[i] as number];
      visit(i + 1);
      [perm[i], perm[j]] = [perm[j] as number, perm[i] as number];
    }
  };
  if (k <= 7) visit(0);
  return best;
}

function key(r: ArrayLike<number>): string {
  return Array.prototype.join.call(r, ',');
}

/**
 * Labels from the optimisation trace (see the module comment): for every forward pass of the
 * unshifted template with weights w_t whose successor w_{t+1} is known, the change of each
 * bound row's outputs (centred over the outputs) is added to that row's votes. Returns the vote
 * winner per row (by the row's values), for rows that took part in at least one step.
 */
export function labelsFromTrace(view: ModelView): Map<string, number> {
  const K = view.observables.length;
  const index = new Map(view.weightHistory.map((w, t) => [key(w), t]));
  const votes = new Map<string, Float64Array>();
  for (const r of view.baseJobs) {
    const w = jobWeights(r.job);
    const rows = r.job.inputs;
    if (!w || !rows || rows.length === 0) continue;
    const t = index.get(key(w));
    const next = t === undefined ? undefined : view.weightHistory[t + 1];
    if (!next) continue;
    const before = exactOutputs(view.template, view.observables, rows, w);
    const after = exactOutputs(view.template, view.observables, rows, next);
    rows.forEach((row, i) => {
      const k = key(row);
      const v = votes.get(k) ?? new Float64Array(K);
      let mean = 0;
      for (let j = 0; j < K; j++) mean += ((after[i * K + j] as number) - (before[i * K + j] as number)) / K;
      for (let j = 0; j < K; j++) v[j] = (v[j] as number) + (after[i * K + j] as number) - (before[i * K + j] as number) - mean;
      votes.set(k, v);
    });
  }
  const out = new Map<string, number>();
  for (const [k, v] of votes) {
    let arg = 0;
    for (let j = 1; j < K; j++) if ((v[j] as number) > (v[arg] as number)) arg = j;
    out.set(k, arg);
  }
  return out;
}
