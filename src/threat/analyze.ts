/**
 * Attack-graph analysis of a deployment: for each attacker profile, forward-chain from its
 * starting position, enumerate and rank the paths to each objective, explain them, and compute
 * the minimal set of extra mitigations that cuts them.
 */
import { NotFoundError } from '../core/errors.js';
import type { Deployment } from '../deploy/deployment.js';
import type { ExposureLedger } from '../deploy/ledger.js';
import { buildContext, startingPosition, type AttackContext, type ImpliedMitigation, type StartingPosition } from './context.js';
import { minimalCut, type CutAttacker, type MitigationCut } from './cut.js';
import { compileKnowledgeBase, type CompiledGraph } from './graph.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { OBJECTIVE_IDS, PROFILE_IDS, type ObjectiveId, type ProfileId } from './model.js';
import { derivePlans, planDerives, minimisePlan, orderPlan, type AttackPlan } from './plans.js';
import { impactOn, roundScore, stepCost, stepLikelihood } from './score.js';

/** One step of an attack path. */
export interface PathStep {
  readonly technique: string;
  readonly name: string;
  /** Tactic names of the technique. */
  readonly tactics: readonly string[];
  /** Tokens this step relies on (one per prerequisite clause). */
  readonly needs: readonly string[];
  /** Tokens this step adds that were not held before. */
  readonly gives: readonly string[];
  /** Mitigations in effect that make this step costlier. */
  readonly hinderedBy: readonly string[];
}

/** A ranked attack path to one objective. */
export interface AttackPath {
  /** Technique IDs in firing order. */
  readonly techniques: readonly string[];
  readonly steps: readonly PathStep[];
  /** likelihood × impact, see `score.ts`. */
  readonly score: number;
  readonly likelihood: number;
  readonly impact: number;
  /** Starting tokens the path relies on. */
  readonly startTokens: readonly string[];
  /** Human-readable explanation. */
  readonly explanation: string;
}

/** Paths of one attacker to one objective. */
export interface ObjectiveResult {
  readonly id: ObjectiveId;
  readonly name: string;
  readonly reachable: boolean;
  readonly paths: readonly AttackPath[];
}

/** The analysis for one attacker profile. */
export interface AttackerAnalysis {
  readonly attacker: ProfileId;
  readonly name: string;
  readonly applicable: boolean;
  readonly reason: string;
  readonly start: StartingPosition;
  readonly objectives: readonly ObjectiveResult[];
  /** Extra mitigations cutting every path to the analysed objectives. */
  readonly cut: MitigationCut & { readonly uncuttableObjectives: readonly ObjectiveId[] };
  /** Techniques this attacker can fire at all (for layers). */
  readonly reachableTechniques: readonly string[];
}

/** A whole analysis. */
export interface ThreatAnalysis {
  readonly deployment: string;
  readonly kbVersion: string;
  readonly ledgerSource: 'derived' | 'recorded';
  readonly mitigationsInEffect: readonly string[];
  readonly implied: readonly ImpliedMitigation[];
  readonly objectives: readonly ObjectiveId[];
  readonly attackers: readonly AttackerAnalysis[];
}

/** Options of {@link analyzeDeployment}. */
export interface ThreatAnalyzeOptions {
  /** Attackers to analyse (default: all six). */
  readonly attackers?: readonly ProfileId[];
  /** Objectives to analyse and cut (default: all six). */
  readonly objectives?: readonly ObjectiveId[];
  /** A recorded exposure ledger replacing the derived one. */
  readonly ledger?: ExposureLedger;
  /** File name of the ledger, for messages. */
  readonly ledgerFile?: string;
  /** Maximum paths reported per objective (default 8). */
  readonly maxPaths?: number;
  /** Derivations kept per token during the search (default max(maxPaths + 2, 10)). */
  readonly beam?: number;
  /** Search budget of the minimal-mitigation search (see `CutOptions.maxWork`). */
  readonly cutWork?: number;
  /** Skip the minimal-mitigation search (default false). */
  readonly skipCut?: boolean;
  /** Extra mitigations assumed on top of the deployment's (e.g. to test a proposed cut). */
  readonly extraMitigations?: readonly string[];
}

function hindrancesOf(kb: KnowledgeBase, active: ReadonlySet<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of kb.mitigations) {
    if (!active.has(m.id)) continue;
    for (const t of m.hinders) out.set(t, [...(out.get(t) ?? []), m.id]);
  }
  return out;
}

function blockedIndices(graph: CompiledGraph, active: ReadonlySet<string>): Set<number> {
  const out = new Set<number>();
  for (const m of graph.kb.mitigations) {
    if (!active.has(m.id)) continue;
    for (const id of m.blocks) {
      const i = graph.techniqueIndex.get(id);
      if (i !== undefined) out.add(i);
    }
  }
  return out;
}

function describePath(graph: CompiledGraph, steps: readonly PathStep[], objectiveName: string, start: StartingPosition): string {
  const lines = steps.map((s, i) => {
    const needs = s.needs.map((n) => (start.tokens.has(n) ? `${n} [${start.tokens.get(n)}]` : n)).join(', ');
    const hindered = s.hinderedBy.length > 0 ? `; hindered by ${s.hinderedBy.join(', ')}` : '';
    return `${i + 1}. ${s.technique} ${s.name} (${s.tactics.join(', ')}): needs ${needs || 'nothing'}; gives ${s.gives.join(', ') || 'nothing new'}${hindered}`;
  });
  return `${graph.kb.profileById.get(start.profile)?.name ?? start.profile} reaches "${objectiveName}":\n${lines.join('\n')}`;
}

function buildPath(
  graph: CompiledGraph,
  order: readonly number[],
  start: StartingPosition,
  startIdx: readonly number[],
  goals: readonly number[],
  dimension: 'confidentiality' | 'integrity' | 'availability',
  hinder: Map<string, string[]>,
  objectiveName: string,
): AttackPath {
  const startSet = new Set(startIdx);
  const produced = new Set<number>();
  const steps: PathStep[] = [];
  let likelihood = 1;
  let impact = 0;
  for (const t of order) {
    const tech = graph.techniques[t];
    if (!tech) continue;
    // Prefer what earlier steps produced over what the attacker started with: the explanation
    // then shows the chain, and start tokens appear only where nothing else provides them.
    const needs = (graph.clauses[t] ?? []).map((c) => {
      const tok = c.find((x) => produced.has(x)) ?? c.find((x) => startSet.has(x)) ?? c[0] ?? 0;
      return graph.tokens[tok] ?? '';
    });
    const gives = (graph.effects[t] ?? []).filter((e) => !produced.has(e) && !startSet.has(e)).map((e) => graph.tokens[e] ?? '');
    for (const e of graph.effects[t] ?? []) produced.add(e);
    const hinderedBy = hinder.get(tech.id) ?? [];
    likelihood *= stepLikelihood(tech, hinderedBy.length);
    if ((graph.effects[t] ?? []).some((e) => goals.includes(e))) impact = Math.max(impact, impactOn(tech, dimension));
    steps.push({
      technique: tech.id,
      name: tech.name,
      tactics: tech.tactics.map((id) => graph.kb.tacticById.get(id)?.name ?? id),
      needs,
      gives,
      hinderedBy,
    });
  }
  // A start token is one the path relies on when the path fails without it.
  const mentioned = new Set(order.flatMap((t) => (graph.clauses[t] ?? []).flat()));
  const startTokens = startIdx
    .filter((s) => mentioned.has(s) && !planDerives(graph, order, startIdx.filter((x) => x !== s), goals))
    .map((s) => graph.tokens[s] ?? '')
    .sort();
  return {
    techniques: steps.map((s) => s.technique),
    steps,
    score: roundScore(likelihood * impact),
    likelihood: roundScore(likelihood),
    impact,
    startTokens,
    explanation: describePath(graph, steps, objectiveName, start),
  };
}

function analyzeAttacker(
  graph: CompiledGraph,
  context: AttackContext,
  profile: ProfileId,
  objectives: readonly ObjectiveId[],
  active: ReadonlySet<string>,
  options: ThreatAnalyzeOptions,
): AttackerAnalysis {
  const kb = graph.kb;
  const start = startingPosition(kb, context, profile);
  const name = kb.profileById.get(profile)?.name ?? profile;
  const none = (reason: string): AttackerAnalysis => ({
    attacker: profile,
    name,
    applicable: false,
    reason,
    start,
    objectives: objectives.map((id) => ({ id, name: kb.objectiveById.get(id)?.name ?? id, reachable: false, paths: [] })),
    cut: { mitigations: [], exact: true, lowerBound: 0, uncuttable: [], nodes: 0, uncuttableObjectives: [] },
    reachableTechniques: [],
  });
  if (!start.applicable) return none(start.reason);

  const maxPaths = options.maxPaths ?? 8;
  const beam = options.beam ?? Math.max(maxPaths + 2, 10);
  const startIdx = [...start.tokens.keys()].map((t) => graph.token(t));
  const enabled = graph.enabledMask(profile, blockedIndices(graph, active));
  const chain = graph.chain(startIdx, enabled);
  const hinder = hindrancesOf(kb, active);
  const costs = Float64Array.from(graph.techniques.map((t) => stepCost(t, (hinder.get(t.id) ?? []).length)));
  const plansByToken = derivePlans(graph, chain, startIdx, costs, beam);

  const results: ObjectiveResult[] = objectives.map((oid) => {
    const objective = kb.objectiveById.get(oid);
    if (!objective) throw new Error(`unknown objective ${oid}`);
    const goals = objective.goals.map((g) => graph.token(g));
    const reachable = goals.some((g) => chain.reached[g] === 1);
    if (!reachable) return { id: oid, name: objective.name, reachable: false, paths: [] };
    const candidates: AttackPlan[] = goals.flatMap((g) => plansByToken[g] ?? []);
    const seen = new Set<string>();
    const paths: AttackPath[] = [];
    for (const plan of candidates) {
      const minimal = minimisePlan(graph, plan, startIdx, goals, costs);
      if (seen.has(minimal.key) || minimal.techs.length === 0) continue;
      seen.add(minimal.key);
      paths.push(buildPath(graph, orderPlan(graph, minimal, startIdx), start, startIdx, goals, objective.dimension, hinder, objective.name));
    }
    paths.sort((a, b) => b.score - a.score || a.techniques.length - b.techniques.length || a.techniques.join().localeCompare(b.techniques.join()));
    return { id: oid, name: objective.name, reachable: true, paths: paths.slice(0, maxPaths) };
  });

  let cut: AttackerAnalysis['cut'] = { mitigations: [], exact: true, lowerBound: 0, uncuttable: [], nodes: 0, uncuttableObjectives: [] };
  if (!options.skipCut) {
    const goalSets = objectives.map((oid) => (kb.objectiveById.get(oid)?.goals ?? []).map((g) => graph.token(g)));
    const attackers: CutAttacker[] = [{ start: startIdx, enabled }];
    const candidates = kb.mitigations.filter((m) => !active.has(m.id));
    const found = minimalCut(graph, attackers, goalSets, candidates, options.cutWork !== undefined ? { maxWork: options.cutWork } : {});
    cut = { ...found, uncuttableObjectives: found.uncuttable.map((i) => objectives[i] as ObjectiveId) };
  }
  return {
    attacker: profile,
    name,
    applicable: true,
    reason: start.reason,
    start,
    objectives: results,
    cut,
    reachableTechniques: chain.order.map((t) => graph.techniques[t]?.id ?? ''),
  };
}

/** Analyses a deployment against the knowledge base. */
export function analyzeDeployment(kb: KnowledgeBase, deployment: Deployment, options: ThreatAnalyzeOptions = {}): ThreatAnalysis {
  const graph = compileKnowledgeBase(kb);
  const context = buildContext(kb, deployment, {
    ...(options.ledger !== undefined ? { ledger: options.ledger } : {}),
    ...(options.ledgerFile !== undefined ? { ledgerFile: options.ledgerFile } : {}),
  });
  for (const id of options.extraMitigations ?? []) {
    if (!kb.mitigationById.has(id)) throw new NotFoundError(`unknown mitigation "${id}" (valid: ${kb.mitigations.map((m) => m.id).join(', ')})`);
  }
  for (const id of options.attackers ?? []) {
    if (!kb.profileById.has(id)) throw new NotFoundError(`unknown attacker profile "${id}" (valid: ${PROFILE_IDS.join(', ')})`);
  }
  for (const id of options.objectives ?? []) {
    if (!kb.objectiveById.has(id)) throw new NotFoundError(`unknown objective "${id}" (valid: ${kb.objectives.map((o) => o.id).join(', ')})`);
  }
  const active = new Set([...context.mitigations, ...(options.extraMitigations ?? [])]);
  const attackers = options.attackers ?? PROFILE_IDS;
  const objectives = options.objectives ?? OBJECTIVE_IDS;
  return {
    deployment: deployment.name,
    kbVersion: kb.version,
    ledgerSource: context.ledgerSource,
    mitigationsInEffect: [...active].sort(),
    implied: context.implied,
    objectives,
    attackers: attackers.map((p) => analyzeAttacker(graph, context, p, objectives, active, options)),
  };
}

/** The JSON contract of `qmlsec threats analyze --format json` for one attacker. */
export interface ThreatAnalysisJson {
  readonly attacker: ProfileId;
  readonly applicable: boolean;
  readonly reason: string;
  readonly objectives: readonly {
    readonly id: ObjectiveId;
    readonly reachable: boolean;
    readonly paths: readonly { readonly techniques: readonly string[]; readonly score: number; readonly explanation: string }[];
  }[];
  readonly minimal_mitigations: readonly string[];
  readonly minimal_mitigations_exact: boolean;
  readonly uncuttable_objectives: readonly ObjectiveId[];
}

/** Converts one attacker's analysis to the JSON contract. */
export function toAnalysisJson(a: AttackerAnalysis): ThreatAnalysisJson {
  return {
    attacker: a.attacker,
    applicable: a.applicable,
    reason: a.reason,
    objectives: a.objectives.map((o) => ({
      id: o.id,
      reachable: o.reachable,
      paths: o.paths.map((p) => ({ techniques: p.techniques, score: p.score, explanation: p.explanation })),
    })),
    minimal_mitigations: a.cut.mitigations,
    minimal_mitigations_exact: a.cut.exact,
    uncuttable_objectives: a.cut.uncuttableObjectives,
  };
}
