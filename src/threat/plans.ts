/**
 * Enumerating attack paths. The dependency structure is an AND/OR graph (a technique needs all
 * its clauses, a clause any of its tokens, a token any technique producing it), so an "attack
 * path" is a derivation: a set of techniques that, fired in some order, derives the goal.
 *
 * Search: every token keeps up to `beam` cheapest derivations found so far (sets of techniques
 * with additive cost −ln likelihood); a technique's derivations combine one derivation per
 * clause (set union, best `beam` kept after each clause); iterate over the techniques in
 * firing order until nothing improves. The result is exact for tree-shaped dependencies and a
 * beam approximation otherwise. Each candidate is then minimised (techniques whose removal
 * still derives the goal are dropped) and ordered (a technique comes after everything it
 * needs; ties follow ATLAS matrix order).
 */
import type { ChainResult, CompiledGraph } from './graph.js';

/** A set of techniques (sorted indices) with its search cost. */
export interface AttackPlan {
  readonly techs: readonly number[];
  readonly cost: number;
  readonly key: string;
}

const EMPTY: AttackPlan = { techs: [], cost: 0, key: '' };

function makePlan(techs: number[], costs: Float64Array): AttackPlan {
  let cost = 0;
  for (const t of techs) cost += costs[t] as number;
  return { techs, cost, key: techs.join(',') };
}

function union(a: AttackPlan, b: AttackPlan, costs: Float64Array): AttackPlan {
  if (a.techs.length === 0) return b;
  if (b.techs.length === 0) return a;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.techs.length || j < b.techs.length) {
    const x = a.techs[i];
    const y = b.techs[j];
    if (y === undefined || (x !== undefined && x < y)) {
      out.push(x as number);
      i++;
    } else if (x === undefined || y < x) {
      out.push(y);
      j++;
    } else {
      out.push(x);
      i++;
      j++;
    }
  }
  return makePlan(out, costs);
}

function withTech(p: AttackPlan, t: number, costs: Float64Array): AttackPlan {
  if (p.techs.includes(t)) return p;
  const techs = [...p.techs, t].sort((a, b) => a - b);
  return makePlan(techs, costs);
}

function best(plans: Iterable<AttackPlan>, k: number): AttackPlan[] {
  const byKey = new Map<string, AttackPlan>();
  for (const p of plans) if (!byKey.has(p.key)) byKey.set(p.key, p);
  return [...byKey.values()].sort((a, b) => a.cost - b.cost || a.techs.length - b.techs.length || (a.key < b.key ? -1 : 1)).slice(0, k);
}

function sameKeys(a: readonly AttackPlan[], b: readonly AttackPlan[]): boolean {
  return a.length === b.length && a.every((p, i) => p.key === b[i]?.key);
}

/**
 * Up to `beam` cheapest derivations of every token reachable in `chain`, using the techniques
 * that fired there. `costs[t]` is the search cost of technique t.
 */
export function derivePlans(graph: CompiledGraph, chain: ChainResult, start: Iterable<number>, costs: Float64Array, beam: number): AttackPlan[][] {
  const plans: AttackPlan[][] = graph.tokens.map(() => []);
  const firingRank = new Int32Array(graph.techniques.length).fill(-1);
  chain.order.forEach((t, i) => {
    firingRank[t] = i;
  });
  let dirty = new Set<number>();
  for (const s of start) {
    plans[s] = [EMPTY];
    dirty.add(s);
  }
  // Semi-naive evaluation: a technique is re-combined only when a token in one of its clauses
  // got new derivations in the previous round.
  const maxRounds = chain.order.length + 2;
  for (let round = 0; dirty.size > 0 && round < maxRounds; round++) {
    const todo = new Set<number>();
    for (const tok of dirty) for (const t of graph.consumers[tok] ?? []) if ((firingRank[t] as number) >= 0) todo.add(t);
    if (round === 0) for (const t of chain.order) if ((graph.clauses[t] ?? []).length === 0) todo.add(t);
    const next = new Set<number>();
    for (const t of [...todo].sort((a, b) => (firingRank[a] as number) - (firingRank[b] as number))) {
      let combos: AttackPlan[] = [EMPTY];
      let feasible = true;
      for (const clause of graph.clauses[t] ?? []) {
        const options = best(clause.flatMap((tok) => plans[tok] ?? []), beam);
        if (options.length === 0) {
          feasible = false;
          break;
        }
        const merged: AttackPlan[] = [];
        for (const a of combos) for (const b of options) merged.push(union(a, b, costs));
        combos = best(merged, beam);
      }
      if (!feasible) continue;
      const produced = combos.map((p) => withTech(p, t, costs));
      for (const e of graph.effects[t] ?? []) {
        const current = plans[e] ?? [];
        if (current.length > 0 && current[0]?.techs.length === 0) continue; // a start token
        const merged = best([...current, ...produced], beam);
        if (!sameKeys(merged, current)) {
          plans[e] = merged;
          next.add(e);
        }
      }
    }
    dirty = next;
  }
  return plans;
}

/** Does the technique set `techs` derive one of `goals` from `start`? */
export function planDerives(graph: CompiledGraph, techs: Iterable<number>, start: readonly number[], goals: readonly number[]): boolean {
  const enabled = new Uint8Array(graph.techniques.length);
  for (const t of techs) enabled[t] = 1;
  return graph.firstDerivation(start, enabled, [goals]) !== undefined;
}

/** Drops techniques that are not needed to derive a goal (most expensive tried first). */
export function minimisePlan(graph: CompiledGraph, plan: AttackPlan, start: readonly number[], goals: readonly number[], costs: Float64Array): AttackPlan {
  let techs = [...plan.techs];
  const byCost = [...techs].sort((a, b) => (costs[b] as number) - (costs[a] as number) || b - a);
  for (const t of byCost) {
    const without = techs.filter((x) => x !== t);
    if (planDerives(graph, without, start, goals)) techs = without;
  }
  return makePlan(techs, costs);
}

/** A firing order for a plan: dependencies first, ties in ATLAS matrix order, then by ID. */
export function orderPlan(graph: CompiledGraph, plan: AttackPlan, start: readonly number[]): number[] {
  const tacticRank = new Map(graph.kb.tactics.map((t, i) => [t.id, i]));
  const rank = (t: number): number => Math.min(...(graph.techniques[t]?.tactics ?? []).map((id) => tacticRank.get(id) ?? 99));
  const have = new Set(start);
  const remaining = new Set(plan.techs);
  const order: number[] = [];
  while (remaining.size > 0) {
    const ready = [...remaining].filter((t) => (graph.clauses[t] ?? []).every((c) => c.some((tok) => have.has(tok))));
    if (ready.length === 0) break; // cannot happen for a derivation; guards against misuse
    ready.sort((a, b) => rank(a) - rank(b) || (graph.techniques[a]?.id ?? '').localeCompare(graph.techniques[b]?.id ?? ''));
    const t = ready[0] as number;
    order.push(t);
    remaining.delete(t);
    for (const e of graph.effects[t] ?? []) have.add(e);
  }
  return order;
}
