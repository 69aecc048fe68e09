/**
 * The knowledge base compiled into integer-indexed arrays for fast forward chaining.
 *
 * Forward chaining is the Horn-clause propagation of Dowling and Gallier generalised to clauses
 * with alternatives: each technique keeps a count of unsatisfied prerequisite clauses, each
 * token a list of the (technique, clause) pairs it satisfies; a technique fires when its count
 * reaches zero and adds its effects. Every token and technique is processed once, so a run is
 * linear in the size of the knowledge base.
 */
import type { KnowledgeBase } from './knowledge-base.js';
import { PROFILE_IDS, type ProfileId, type Technique } from './model.js';

/** Result of one forward-chaining run. */
export interface ChainResult {
  /** 1 for every token derived (including the start tokens). */
  readonly reached: Uint8Array;
  /** 1 for every technique that fired. */
  readonly fired: Uint8Array;
  /** Techniques in the order they fired. */
  readonly order: readonly number[];
  /** 1 + the technique that first produced each token (0 for start tokens and unreached ones). */
  readonly producer: Int32Array;
  /** For each fired technique, the token that satisfied each of its clauses (only `get`). */
  readonly support: Pick<ReadonlyMap<number, readonly number[]>, 'get'>;
}

/** An integer-indexed view of a knowledge base. */
export class CompiledGraph {
  readonly kb: KnowledgeBase;
  readonly tokens: readonly string[];
  readonly tokenIndex: ReadonlyMap<string, number>;
  readonly techniques: readonly Technique[];
  readonly techniqueIndex: ReadonlyMap<string, number>;
  /** clauses[t][c] = token indices of clause c of technique t. */
  readonly clauses: readonly (readonly (readonly number[])[])[];
  readonly effects: readonly (readonly number[])[];
  /** consumers[token] = techniques with the token in one of their clauses. */
  readonly consumers: readonly (readonly number[])[];
  /** watchers[token] = flat pairs (technique, clause). */
  private readonly watchers: readonly Int32Array[];
  /** Number of prerequisite clauses of each technique, and where its clauses start in a flat array. */
  private readonly clauseCount: Int32Array;
  private readonly clauseOffset: Int32Array;
  private readonly totalClauses: number;
  /** Techniques without prerequisites. */
  private readonly unconditional: readonly number[];
  /** allowedFor[profile][t] = 1 when the profile may use technique t. */
  private readonly allowedFor: ReadonlyMap<ProfileId, Uint8Array>;

  constructor(kb: KnowledgeBase) {
    this.kb = kb;
    this.tokens = [...kb.tokens.keys()];
    this.tokenIndex = new Map(this.tokens.map((t, i) => [t, i]));
    this.techniques = kb.techniques;
    this.techniqueIndex = new Map(kb.techniques.map((t, i) => [t.id, i]));
    const tok = (id: string): number => {
      const i = this.tokenIndex.get(id);
      if (i === undefined) throw new Error(`token ${id} is not declared`);
      return i;
    };
    this.clauses = kb.techniques.map((t) => t.prerequisites.map((c) => (typeof c === 'string' ? [tok(c)] : c.map(tok))));
    this.effects = kb.techniques.map((t) => t.effects.map(tok));
    this.clauseCount = Int32Array.from(this.clauses.map((c) => c.length));
    this.clauseOffset = new Int32Array(this.clauses.length);
    let offset = 0;
    this.clauses.forEach((c, t) => {
      this.clauseOffset[t] = offset;
      offset += c.length;
    });
    this.totalClauses = offset;
    this.unconditional = this.clauses.map((c, t) => (c.length === 0 ? t : -1)).filter((t) => t >= 0);
    const lists: number[][] = this.tokens.map(() => []);
    this.clauses.forEach((cs, t) => cs.forEach((c, ci) => c.forEach((token) => lists[token]?.push(t, ci))));
    this.watchers = lists.map((l) => Int32Array.from(l));
    this.consumers = lists.map((l) => [...new Set(l.filter((_, i) => i % 2 === 0))]);
    const allowed = new Map<ProfileId, Uint8Array>();
    for (const p of PROFILE_IDS) allowed.set(p, Uint8Array.from(kb.techniques.map((t) => (t.positions.includes(p) ? 1 : 0))));
    this.allowedFor = allowed;
  }

  /** Token index of `id` (throws if undeclared). */
  token(id: string): number {
    const i = this.tokenIndex.get(id);
    if (i === undefined) throw new Error(`token ${id} is not declared in the knowledge base`);
    return i;
  }

  /** The techniques `profile` may use, minus those in `blocked` (technique indices). */
  enabledMask(profile: ProfileId, blocked: ReadonlySet<number> = new Set()): Uint8Array {
    const mask = Uint8Array.from(this.allowedFor.get(profile) ?? new Uint8Array(this.techniques.length));
    for (const t of blocked) mask[t] = 0;
    return mask;
  }

  /** Runs forward chaining from `start` using only techniques with `enabled[t] === 1`. */
  chain(start: Iterable<number>, enabled: Uint8Array): ChainResult {
    const buffers = this.newBuffers();
    const order: number[] = [];
    this.forward(start, enabled, buffers, order);
    const { reached, fired, producer, satisfied } = buffers;
    const support: ChainResult['support'] = { get: (t: number) => (fired[t] ? this.supportOf(t, satisfied) : undefined) };
    return { reached, fired, order, producer, support };
  }

  private scratch?: ChainBuffers;

  /**
   * Forward chaining for repeated searches (the minimal-mitigation cut): finds the first of
   * `goalSets` with a derived token and returns one derivation of it (technique indices), or
   * undefined when none is reached. Uses preallocated buffers instead of allocating per run.
   */
  firstDerivation(start: readonly number[], enabled: Uint8Array, goalSets: readonly (readonly number[])[]): { set: number; techniques: number[] } | undefined {
    const buffers = (this.scratch ??= this.newBuffers());
    buffers.reached.fill(0);
    buffers.fired.fill(0);
    buffers.satisfied.fill(0);
    buffers.producer.fill(0);
    buffers.remaining.set(this.clauseCount);
    this.forward(start, enabled, buffers);
    for (let i = 0; i < goalSets.length; i++) {
      const goal = (goalSets[i] ?? []).find((g) => buffers.reached[g] === 1);
      if (goal !== undefined) return { set: i, techniques: this.walk(goal, buffers.producer, (t) => this.supportOf(t, buffers.satisfied)) };
    }
    return undefined;
  }

  /**
   * One derivation of `goal` from a chaining result: the techniques that produced it and,
   * recursively, the tokens that satisfied their clauses. Returns technique indices.
   */
  derivation(result: ChainResult, goal: number): number[] {
    return this.walk(goal, result.producer, (t) => result.support.get(t) ?? []);
  }

  private newBuffers(): ChainBuffers {
    return {
      reached: new Uint8Array(this.tokens.length),
      fired: new Uint8Array(this.techniques.length),
      remaining: this.clauseCount.slice(),
      satisfied: new Int32Array(this.totalClauses),
      queue: new Int32Array(this.tokens.length),
      producer: new Int32Array(this.tokens.length),
    };
  }

  /** Forward chaining into cleared `b` (each token is queued at most once); fired techniques are appended to `order`. */
  private forward(start: Iterable<number>, enabled: Uint8Array, b: ChainBuffers, order?: number[]): void {
    const { reached, fired, remaining, satisfied, queue, producer } = b;
    let tail = 0;
    const fire = (t: number): void => {
      fired[t] = 1;
      order?.push(t);
      for (const e of this.effects[t] ?? []) {
        if (!reached[e]) {
          reached[e] = 1;
          producer[e] = t + 1;
          queue[tail++] = e;
        }
      }
    };
    for (const s of start) {
      if (!reached[s]) {
        reached[s] = 1;
        queue[tail++] = s;
      }
    }
    for (const t of this.unconditional) if (enabled[t]) fire(t);
    for (let qi = 0; qi < tail; qi++) {
      const token = queue[qi] as number;
      const w = this.watchers[token] as Int32Array;
      for (let k = 0; k < w.length; k += 2) {
        const t = w[k] as number;
        if (!enabled[t] || fired[t]) continue;
        const slot = (this.clauseOffset[t] as number) + (w[k + 1] as number);
        if (satisfied[slot] !== 0) continue;
        satisfied[slot] = token + 1;
        if (--remaining[t] === 0) fire(t);
      }
    }
  }

  /** The tokens that satisfied each clause of fired technique `t`. */
  private supportOf(t: number, satisfied: Int32Array): number[] {
    const off = this.clauseOffset[t] as number;
    return Array.from(satisfied.subarray(off, off + (this.clauseCount[t] as number)), (x) => x - 1);
  }

  /** Walks producers back from `goal` through the tokens that supported them; technique indices. */
  private walk(goal: number, producer: Int32Array, supportOf: (t: number) => readonly number[]): number[] {
    const out = new Set<number>();
    const stack = [goal];
    const seenTokens = new Set<number>();
    while (stack.length > 0) {
      const token = stack.pop() as number;
      if (seenTokens.has(token)) continue;
      seenTokens.add(token);
      const t = (producer[token] as number) - 1;
      if (t < 0 || out.has(t)) continue;
      out.add(t);
      for (const s of supportOf(t)) stack.push(s);
    }
    return [...out];
  }
}

/** Working arrays of one forward-chaining run; `satisfied[clauseOffset[t] + c]` = 1 + the token that satisfied clause c of t. */
interface ChainBuffers {
  readonly reached: Uint8Array;
  readonly fired: Uint8Array;
  readonly remaining: Int32Array;
  readonly satisfied: Int32Array;
  readonly queue: Int32Array;
  readonly producer: Int32Array;
}

const compiledCache = new WeakMap<KnowledgeBase, CompiledGraph>();

/** The compiled graph of `kb` (cached per knowledge-base object). */
export function compileKnowledgeBase(kb: KnowledgeBase): CompiledGraph {
  let g = compiledCache.get(kb);
  if (!g) {
    g = new CompiledGraph(kb);
    compiledCache.set(kb, g);
  }
  return g;
}
