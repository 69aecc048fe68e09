/**
 * SABRE swap routing (Li, Ding & Xie, ASPLOS 2019) with the LightSABRE refinements (Zou et
 * al., arXiv:2409.08368): a front layer of blocked two-qubit gates, an extended set of the
 * next gates as lookahead, a decay on recently swapped qubits, incremental ("relative")
 * scoring that only re-evaluates gates touching the two swapped qubits, and a release valve
 * that, after too many swaps without progress, undoes them and routes the closest gate along a
 * shortest path. Everything lives in typed arrays; one call is one seeded trial.
 */
import { InputError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import { type Target, UNREACHABLE } from '../target.js';
import type { RoutingDag } from './dag.js';

/** Heuristic knobs (defaults follow Qiskit / LightSABRE). */
export interface SabreHeuristic {
  /** Two-qubit gates in the lookahead set (20). */
  readonly extendedSetSize?: number;
  /** Weight of the lookahead term (0.5). */
  readonly extendedSetWeight?: number;
  /** Added to a qubit's decay each time it is swapped (0.001). */
  readonly decayIncrement?: number;
  /** Swaps after which decay resets (5). */
  readonly decayReset?: number;
  /** Swaps without progress before the release valve fires (default 5·(diameter+1)). */
  readonly releaseValve?: number;
}

/** What one SABRE trial produced. */
export interface SabreRouteResult {
  /** SWAPs inserted. */
  readonly swaps: number;
  /** Logical → physical mapping at the end. */
  readonly finalLayout: Int32Array;
  /**
   * When recording: the execution order — a node index (≥ 0) or a swap of physical qubits
   * (a, b) encoded as `−1 − (a·N + b)`.
   */
  readonly events: Int32Array | undefined;
}

/** Decodes a swap event into its physical qubits. */
export function decodeSwap(event: number, numPhysical: number): [number, number] {
  const code = -1 - event;
  return [Math.floor(code / numPhysical), code % numPhysical];
}

/** Updates the layout (`l2p` logical → physical, `p2l` its inverse) for a SWAP of physical qubits `a` and `b`. */
export function swapLayout(l2p: Int32Array, p2l: Int32Array, a: number, b: number): void {
  const la = p2l[a] as number;
  const lb = p2l[b] as number;
  p2l[a] = lb;
  p2l[b] = la;
  l2p[la] = b;
  l2p[lb] = a;
}

/**
 * Routes `dag` on `target` from the logical → physical mapping `initial` (a permutation of
 * 0..N-1; logical qubits beyond the circuit are ancillas). Ties are broken by `rng`.
 */
export function sabreRoute(dag: RoutingDag, target: Target, initial: Int32Array, rng: Rng, record: boolean, heuristic: SabreHeuristic = {}): SabreRouteResult {
  const N = target.numQubits;
  const D = target.distance;
  const adjStart = target.adjacencyStart;
  const adj = target.adjacency;
  const E = heuristic.extendedSetSize ?? 20;
  const W = heuristic.extendedSetWeight ?? 0.5;
  const decayInc = heuristic.decayIncrement ?? 0.001;
  const decayReset = heuristic.decayReset ?? 5;
  let diameter = 0;
  for (let i = 0; i < D.length; i++) if ((D[i] as number) < UNREACHABLE && (D[i] as number) > diameter) diameter = D[i] as number;
  const valve = heuristic.releaseValve ?? 5 * (diameter + 1);

  const { twoQubit, q0, q1, succStart, succ } = dag;
  const numNodes = dag.numNodes;
  const l2p = Int32Array.from(initial);
  const p2l = new Int32Array(N);
  for (let l = 0; l < N; l++) p2l[l2p[l] as number] = l;
  const remaining = Int32Array.from(dag.predCount);

  const front = new Int32Array(N);
  let frontSize = 0;
  const frontPos = new Int32Array(numNodes).fill(-1);
  const frontByLogical = new Int32Array(N).fill(-1);
  let frontSum = 0;

  const ext0 = new Int32Array(E);
  const ext1 = new Int32Array(E);
  let extSize = 0;
  let extSum = 0;
  const extFirst = new Int32Array(N).fill(-1);
  const extNext = new Int32Array(2 * E).fill(-1);
  const extOther = new Int32Array(2 * E);
  const extTouched = new Int32Array(2 * E);
  let extTouchedCount = 0;
  const visitStamp = new Int32Array(numNodes);
  let stamp = 0;
  const bfs = new Int32Array(numNodes);

  const decay = new Float64Array(N).fill(1);
  let swapsSinceDecayReset = 0;
  let swaps = 0;
  let events = new Int32Array(record ? Math.max(16, numNodes * 2) : 0);
  let evLen = 0;
  let undo = new Int32Array(64);
  let undoLen = 0;

  const queue = new Int32Array(numNodes);
  let qHead = 0;
  let qTail = 0;

  const pushEvent = (e: number): void => {
    if (!record) return;
    if (evLen === events.length) {
      const grown = new Int32Array(events.length * 2);
      grown.set(events);
      events = grown;
    }
    events[evLen++] = e;
  };

  const execute = (node: number): void => {
    pushEvent(node);
    for (let k = succStart[node] as number; k < (succStart[node + 1] as number); k++) {
      const s = succ[k] as number;
      const r = (remaining[s] as number) - 1;
      remaining[s] = r;
      if (r === 0) queue[qTail++] = s;
    }
  };

  const gateDist = (node: number): number => D[(l2p[q0[node] as number] as number) * N + (l2p[q1[node] as number] as number)] as number;

  const addFront = (node: number): void => {
    front[frontSize] = node;
    frontPos[node] = frontSize++;
    frontByLogical[q0[node] as number] = node;
    frontByLogical[q1[node] as number] = node;
    frontSum += gateDist(node);
  };

  const removeFront = (node: number): void => {
    const pos = frontPos[node] as number;
    const last = front[--frontSize] as number;
    front[pos] = last;
    frontPos[last] = pos;
    frontPos[node] = -1;
    frontByLogical[q0[node] as number] = -1;
    frontByLogical[q1[node] as number] = -1;
    frontSum -= gateDist(node);
  };

  const processQueue = (): void => {
    while (qHead < qTail) {
      const node = queue[qHead++] as number;
      if (twoQubit[node]) {
        const d = gateDist(node);
        if (d === 1) execute(node);
        else if (d >= UNREACHABLE) {
          const a = l2p[q0[node] as number] as number;
          const b = l2p[q1[node] as number] as number;
          throw new InputError(`routing: physical qubits ${a} and ${b} are in different connected parts of ${target.name}; choose a layout inside one connected part`, 'DISCONNECTED');
        } else addFront(node);
      } else execute(node);
    }
  };

  const buildExtended = (): void => {
    for (let i = 0; i < extTouchedCount; i++) extFirst[extTouched[i] as number] = -1;
    extTouchedCount = 0;
    extSize = 0;
    extSum = 0;
    if (E === 0) return;
    stamp++;
    let head = 0;
    let tail = 0;
    for (let f = 0; f < frontSize; f++) {
      const node = front[f] as number;
      for (let k = succStart[node] as number; k < (succStart[node + 1] as number); k++) {
        const s = succ[k] as number;
        if (visitStamp[s] !== stamp) {
          visitStamp[s] = stamp;
          bfs[tail++] = s;
        }
      }
    }
    const visitLimit = 40 * E;
    while (head < tail && extSize < E && head < visitLimit) {
      const node = bfs[head++] as number;
      if (twoQubit[node]) {
        const a = q0[node] as number;
        const b = q1[node] as number;
        const slot = extSize++;
        ext0[slot] = a;
        ext1[slot] = b;
        extSum += D[(l2p[a] as number) * N + (l2p[b] as number)] as number;
        const ea = 2 * slot;
        const eb = ea + 1;
        extOther[ea] = b;
        extOther[eb] = a;
        if (extFirst[a] === -1) extTouched[extTouchedCount++] = a;
        extNext[ea] = extFirst[a] as number;
        extFirst[a] = ea;
        if (extFirst[b] === -1) extTouched[extTouchedCount++] = b;
        extNext[eb] = extFirst[b] as number;
        extFirst[b] = eb;
      }
      for (let k = succStart[node] as number; k < (succStart[node + 1] as number); k++) {
        const s = succ[k] as number;
        if (visitStamp[s] !== stamp) {
          visitStamp[s] = stamp;
          bfs[tail++] = s;
        }
      }
    }
  };

  // Change of the front and extended sums if physical qubits a and b were swapped.
  let deltaFront = 0;
  let deltaExt = 0;
  const swapDelta = (a: number, b: number): void => {
    const la = p2l[a] as number;
    const lb = p2l[b] as number;
    const rowA = a * N;
    const rowB = b * N;
    let df = 0;
    const ga = frontByLogical[la] as number;
    const gb = frontByLogical[lb] as number;
    if (ga >= 0) {
      const other = (q0[ga] as number) === la ? (q1[ga] as number) : (q0[ga] as number);
      if (other !== lb) {
        const po = l2p[other] as number;
        df += (D[rowB + po] as number) - (D[rowA + po] as number);
      }
    }
    if (gb >= 0 && gb !== ga) {
      const other = (q0[gb] as number) === lb ? (q1[gb] as number) : (q0[gb] as number);
      if (other !== la) {
        const po = l2p[other] as number;
        df += (D[rowA + po] as number) - (D[rowB + po] as number);
      }
    }
    let de = 0;
    for (let e = extFirst[la] as number; e !== -1; e = extNext[e] as number) {
      const other = extOther[e] as number;
      if (other === lb) continue;
      const po = l2p[other] as number;
      de += (D[rowB + po] as number) - (D[rowA + po] as number);
    }
    for (let e = extFirst[lb] as number; e !== -1; e = extNext[e] as number) {
      const other = extOther[e] as number;
      if (other === la) continue;
      const po = l2p[other] as number;
      de += (D[rowA + po] as number) - (D[rowB + po] as number);
    }
    deltaFront = df;
    deltaExt = de;
  };

  const applySwap = (a: number, b: number): void => {
    swapDelta(a, b);
    frontSum += deltaFront;
    extSum += deltaExt;
    swapLayout(l2p, p2l, a, b);
    swaps++;
    pushEvent(-1 - (a * N + b));
  };

  const pushUndo = (a: number, b: number): void => {
    if (undoLen + 2 > undo.length) {
      const grown = new Int32Array(undo.length * 2);
      grown.set(undo);
      undo = grown;
    }
    undo[undoLen++] = a;
    undo[undoLen++] = b;
  };

  const resetDecay = (): void => {
    decay.fill(1);
    swapsSinceDecayReset = 0;
  };

  // Executes the front gates on physical qubits a and b if they became adjacent.
  const executeReadyAt = (a: number, b: number): boolean => {
    let progressed = false;
    for (const p of [a, b]) {
      const g = frontByLogical[p2l[p] as number] as number;
      if (g >= 0 && gateDist(g) === 1) {
        removeFront(g);
        execute(g);
        progressed = true;
      }
    }
    return progressed;
  };

  const afterProgress = (): void => {
    processQueue();
    resetDecay();
    undoLen = 0;
    buildExtended();
  };

  const releaseValve = (): void => {
    while (undoLen > 0) {
      const b = undo[--undoLen] as number;
      const a = undo[--undoLen] as number;
      applySwap(a, b);
      swaps -= 2;
      if (record) evLen -= 2;
    }
    let best = -1;
    let bestD = UNREACHABLE;
    for (let f = 0; f < frontSize; f++) {
      const node = front[f] as number;
      const d = gateDist(node);
      if (d < bestD) {
        bestD = d;
        best = node;
      }
    }
    const la = q0[best] as number;
    const lb = q1[best] as number;
    while (gateDist(best) > 1) {
      const p = l2p[la] as number;
      const goal = l2p[lb] as number;
      const dp = D[p * N + goal] as number;
      let step = -1;
      for (let k = adjStart[p] as number; k < (adjStart[p + 1] as number); k++) {
        const nb = adj[k] as number;
        if ((D[nb * N + goal] as number) === dp - 1) {
          step = nb;
          break;
        }
      }
      applySwap(p, step);
    }
    removeFront(best);
    execute(best);
    afterProgress();
  };

  for (let node = 0; node < numNodes; node++) if (dag.predCount[node] === 0) queue[qTail++] = node;
  processQueue();
  buildExtended();
  let sinceProgress = 0;
  // Each physical qubit is an end of at most one front gate, so candidates ≤ Σ degrees.
  const candA = new Int32Array(adj.length + 1);
  const candB = new Int32Array(adj.length + 1);
  const ties = new Int32Array(adj.length + 1);

  while (frontSize > 0) {
    if (sinceProgress >= valve) {
      releaseValve();
      sinceProgress = 0;
      continue;
    }
    // Candidate swaps: every coupler touching a qubit of the front layer.
    let nc = 0;
    for (let f = 0; f < frontSize; f++) {
      const node = front[f] as number;
      for (let end = 0; end < 2; end++) {
        const p = l2p[end === 0 ? (q0[node] as number) : (q1[node] as number)] as number;
        for (let k = adjStart[p] as number; k < (adjStart[p + 1] as number); k++) {
          const nb = adj[k] as number;
          if (nb < p && (frontByLogical[p2l[nb] as number] as number) >= 0) continue;
          candA[nc] = p;
          candB[nc] = nb;
          nc++;
        }
      }
    }
    let bestScore = Number.POSITIVE_INFINITY;
    let nTies = 0;
    const invFront = 1 / frontSize;
    const extScale = extSize > 0 ? W / extSize : 0;
    for (let c = 0; c < nc; c++) {
      const a = candA[c] as number;
      const b = candB[c] as number;
      swapDelta(a, b);
      const base = (frontSum + deltaFront) * invFront + (extSum + deltaExt) * extScale;
      const da = decay[a] as number;
      const db = decay[b] as number;
      const score = (da > db ? da : db) * base;
      if (score < bestScore - 1e-10) {
        bestScore = score;
        ties[0] = c;
        nTies = 1;
      } else if (score <= bestScore + 1e-10) {
        ties[nTies++] = c;
      }
    }
    const pick = ties[nTies > 1 ? rng.int(nTies) : 0] as number;
    const a = candA[pick] as number;
    const b = candB[pick] as number;
    applySwap(a, b);
    pushUndo(a, b);
    decay[a] = (decay[a] as number) + decayInc;
    decay[b] = (decay[b] as number) + decayInc;
    if (++swapsSinceDecayReset >= decayReset) resetDecay();
    sinceProgress++;
    if (executeReadyAt(a, b)) {
      afterProgress();
      sinceProgress = 0;
    }
  }
  return { swaps, finalLayout: l2p, events: record ? events.subarray(0, evLen) : undefined };
}
