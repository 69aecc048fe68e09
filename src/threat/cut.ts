/**
 * The smallest set of additional mitigations that makes the chosen objectives unreachable for
 * the chosen attackers.
 *
 * Mitigations only remove techniques, so reachability is monotone and the problem is a
 * minimum hitting set over all derivations — exponentially many, so they are never listed:
 *
 * 1. Lower bound (packing): find a surviving derivation, switch on every mitigation that
 *    blocks any of its techniques, repeat. The derivations found need pairwise different
 *    mitigations, so their number is a lower bound L on any cut.
 * 2. Upper bound (greedy): repeatedly add the mitigation, among those blocking a surviving
 *    derivation, that leaves the fewest objectives reachable (ties: cheaper); then drop
 *    mitigations that became redundant. Size U.
 * 3. Exact search (implicit hitting set, iterative deepening from L to U): find one surviving
 *    derivation; every cut must contain a mitigation blocking one of its techniques; branch
 *    on exactly those. The first depth with a solution is the minimum size; among the
 *    solutions of that size the cheapest (cost levels low 1, medium 2, high 3; then IDs) wins.
 *
 * When the search exceeds its budget, the greedy cut is returned with the bound proven so
 * far (`exact: false`, no cut smaller than `lowerBound` exists). Objectives that stay
 * reachable with every candidate switched on are reported as uncuttable and excluded.
 */
import type { CompiledGraph } from './graph.js';
import type { Mitigation } from './model.js';

/** One attacker's view for the cut: start tokens and usable techniques before cutting. */
export interface CutAttacker {
  readonly start: readonly number[];
  /** Techniques usable by this attacker with the mitigations already in effect. */
  readonly enabled: Uint8Array;
}

/** The result of a cut search. */
export interface MitigationCut {
  /** Mitigation IDs to add, sorted. */
  readonly mitigations: readonly string[];
  /** True when the size was proven minimal. */
  readonly exact: boolean;
  /** No cut with fewer mitigations exists (equals the size when exact). */
  readonly lowerBound: number;
  /** Objective indices (into the `goals` argument) no mitigation set can cut. */
  readonly uncuttable: readonly number[];
  /** Exact-search nodes visited. */
  readonly nodes: number;
}

/** Options of {@link minimalCut}. */
export interface CutOptions {
  /**
   * Search budget in technique visits (one forward-chaining run costs about one visit per
   * technique and attacker); the node limit is this divided by the knowledge-base size, so
   * the bound holds for large knowledge bases too. Default 500 000.
   */
  readonly maxWork?: number;
  /** Explicit node limit, overriding `maxWork`. */
  readonly maxNodes?: number;
}

const COST_WEIGHT = { low: 1, medium: 2, high: 3 } as const;

/**
 * Finds the minimum set of mitigations from `candidates` that cuts every `goals` objective
 * (each a list of goal token indices, any of which reaches it) for every attacker.
 */
export function minimalCut(
  graph: CompiledGraph,
  attackers: readonly CutAttacker[],
  goals: readonly (readonly number[])[],
  candidates: readonly Mitigation[],
  options: CutOptions = {},
): MitigationCut {
  const work = Math.max(1, graph.techniques.length * attackers.length);
  const maxNodes = options.maxNodes ?? Math.max(100, Math.floor((options.maxWork ?? 500_000) / work));
  const blocks = candidates.map((m) => m.blocks.map((id) => graph.techniqueIndex.get(id)).filter((i): i is number => i !== undefined));
  const blockersOf = new Map<number, number[]>();
  blocks.forEach((ts, mi) => ts.forEach((t) => blockersOf.set(t, [...(blockersOf.get(t) ?? []), mi])));
  const weight = (mi: number): number => COST_WEIGHT[candidates[mi]?.cost.level ?? 'high'];
  const costOf = (sel: readonly number[]): number => sel.reduce((s, i) => s + weight(i), 0);
  const idsOf = (sel: readonly number[]): string => sel.map((i) => candidates[i]?.id ?? '').sort().join();

  const maskFor = (a: CutAttacker, selected: readonly number[]): Uint8Array => {
    const m = Uint8Array.from(a.enabled);
    for (const mi of selected) for (const t of blocks[mi] ?? []) m[t] = 0;
    return m;
  };
  /** A surviving derivation (technique indices) of one of `targets`, or undefined. */
  const witness = (selected: readonly number[], targets: readonly number[]): number[] | undefined => {
    const sets = targets.map((oi) => goals[oi] ?? []);
    for (const a of attackers) {
      const found = graph.firstDerivation(a.start, maskFor(a, selected), sets);
      if (found) return found.techniques;
    }
    return undefined;
  };
  /** How many of `targets` stay reachable. */
  const reachCount = (selected: readonly number[], targets: readonly number[]): number => {
    const left = [...targets];
    for (const a of attackers) {
      const mask = maskFor(a, selected);
      for (let found = left.length > 0 ? graph.firstDerivation(a.start, mask, left.map((oi) => goals[oi] ?? [])) : undefined; found; ) {
        left.splice(found.set, 1);
        found = left.length > 0 ? graph.firstDerivation(a.start, mask, left.map((oi) => goals[oi] ?? [])) : undefined;
      }
    }
    return targets.length - left.length;
  };
  const blockersOfAll = (techniques: readonly number[], exclude: readonly number[]): number[] => {
    const out = new Set<number>();
    for (const t of techniques) for (const mi of blockersOf.get(t) ?? []) if (!exclude.includes(mi)) out.add(mi);
    return [...out].sort((a, b) => a - b);
  };

  const all = candidates.map((_, i) => i);
  const reachable = goals.map((_, i) => i).filter((oi) => witness([], [oi]) !== undefined);
  const uncuttable = reachable.filter((oi) => witness(all, [oi]) !== undefined);
  const targets = reachable.filter((oi) => !uncuttable.includes(oi));
  const result = (sel: readonly number[], exact: boolean, lowerBound: number, nodes: number): MitigationCut => ({
    mitigations: sel.map((i) => candidates[i]?.id ?? '').sort(),
    exact,
    lowerBound,
    uncuttable,
    nodes,
  });
  if (targets.length === 0) return result([], true, 0, 0);

  // 1. Packing lower bound.
  let lowerBound = 0;
  for (let used: number[] = [], w = witness(used, targets); w; w = witness(used, targets)) {
    lowerBound++;
    used = [...used, ...blockersOfAll(w, used)];
  }

  // 2. Greedy upper bound.
  const greedy: number[] = [];
  for (let w = witness(greedy, targets); w; w = witness(greedy, targets)) {
    let bestMi = -1;
    let bestScore = Infinity;
    for (const mi of blockersOfAll(w, greedy)) {
      const score = reachCount([...greedy, mi], targets) * 10 + weight(mi);
      if (score < bestScore) {
        bestScore = score;
        bestMi = mi;
      }
    }
    if (bestMi < 0) break; // cannot happen for cuttable targets
    greedy.push(bestMi);
  }
  for (const mi of [...greedy].sort((a, b) => weight(b) - weight(a))) {
    const without = greedy.filter((x) => x !== mi);
    if (!witness(without, targets)) greedy.splice(greedy.indexOf(mi), 1);
  }

  // 3. Exact iterative deepening between the bounds.
  let nodes = 0;
  for (let depth = Math.max(1, lowerBound); depth <= greedy.length; depth++) {
    const solutions: number[][] = [];
    const visited = new Set<string>();
    let exhausted = false;
    const search = (selected: number[]): void => {
      if (exhausted) return;
      if (++nodes > maxNodes) {
        exhausted = true;
        return;
      }
      const w = witness(selected, targets);
      if (!w) {
        solutions.push([...selected]);
        return;
      }
      if (selected.length >= depth) return;
      for (const mi of blockersOfAll(w, selected)) {
        const next = [...selected, mi].sort((a, b) => a - b);
        const key = next.join(',');
        if (visited.has(key)) continue;
        visited.add(key);
        search(next);
      }
    };
    search([]);
    if (solutions.length > 0) {
      const size = Math.min(...solutions.map((s) => s.length));
      const best = solutions
        .filter((s) => s.length === size)
        .concat(greedy.length === size ? [greedy] : [])
        .sort((a, b) => costOf(a) - costOf(b) || idsOf(a).localeCompare(idsOf(b)))[0] as number[];
      return result(best, true, size, nodes);
    }
    // Sizes below `depth` are impossible; the greedy cut is minimal if it has that size.
    if (exhausted) return result(greedy, greedy.length === depth, depth, nodes);
  }
  return result(greedy, true, greedy.length, nodes);
}
