/**
 * Transpiler benchmarks (issue: noise/devices/transpiler). Prints JSON:
 * - public benchmark circuits generated here (QFT, Cuccaro adder, GHZ, QAOA on random
 *   3-regular graphs, Bernstein–Vazirani, random) at 5–27 qubits, transpiled to the 127-qubit
 *   heavy-hex ibm_sherbrooke (ECR, dead couplers removed) and the 20-qubit square IQM Garnet at
 *   levels 0–3: SWAPs, two-qubit gates, depth, seconds;
 * - 127-qubit circuits of 10,000 gates at level 1 on the full Eagle heavy-hex lattice (all 144
 *   couplers; Sherbrooke's largest connected part has only 122 qubits): a uniformly random
 *   circuit (worst case: random qubit pairs) and a hardware-efficient QML ansatz.
 *
 * Run: npx tsx bench/transpile.ts [--quick]
 */
import { pathToFileURL } from 'node:url';
import { CircuitBuilder } from '../src/circuit/builder.js';
import type { Circuit } from '../src/circuit/circuit.js';
import { Rng } from '../src/core/rng.js';
import { median } from '../src/core/numeric.js';
import { NATIVE_GATE_SETS, Target, heavyHexCoupling, targetForDevice, transpile } from '../src/transpile/index.js';
import { round, type Benchmark } from './harness.js';

/** Quantum Fourier transform on n qubits (with the final qubit reversal). */
export function qft(n: number): Circuit {
  const b = new CircuitBuilder(n, n, `qft${n}`);
  for (let j = 0; j < n; j++) {
    b.h(j);
    for (let k = j + 1; k < n; k++) b.cp(Math.PI / 2 ** (k - j), k, j);
  }
  for (let j = 0; j < n >> 1; j++) b.swap(j, n - 1 - j);
  return b.measureAll().build();
}

/** Cuccaro ripple-carry adder of two m-bit numbers: 2m + 2 qubits (carry in, a, b, carry out). */
export function cuccaroAdder(m: number): Circuit {
  const n = 2 * m + 2;
  const cin = 0;
  const a = (i: number) => 1 + i;
  const bq = (i: number) => 1 + m + i;
  const z = n - 1;
  const b = new CircuitBuilder(n, n, `adder${n}`);
  for (let i = 0; i < m; i++) if (i % 2 === 0) b.x(a(i)); // some non-zero input
  const maj = (c: number, y: number, x: number) => b.cx(x, y).cx(x, c).ccx(c, y, x);
  const uma = (c: number, y: number, x: number) => b.ccx(c, y, x).cx(x, c).cx(c, y);
  maj(cin, bq(0), a(0));
  for (let i = 1; i < m; i++) maj(a(i - 1), bq(i), a(i));
  b.cx(a(m - 1), z);
  for (let i = m - 1; i >= 1; i--) uma(a(i - 1), bq(i), a(i));
  uma(cin, bq(0), a(0));
  return b.measureAll().build();
}

/** GHZ state preparation. */
export function ghz(n: number): Circuit {
  const b = new CircuitBuilder(n, n, `ghz${n}`).h(0);
  for (let i = 0; i + 1 < n; i++) b.cx(i, i + 1);
  return b.measureAll().build();
}

/** A random 3-regular graph on n (even) vertices, by the pairing model with restarts. */
export function random3Regular(n: number, rng: Rng): [number, number][] {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const stubs = rng.shuffle(Array.from({ length: 3 * n }, (_, i) => Math.floor(i / 3)));
    const edges: [number, number][] = [];
    const seen = new Set<string>();
    let ok = true;
    for (let i = 0; i < stubs.length; i += 2) {
      const u = stubs[i] as number;
      const v = stubs[i + 1] as number;
      const key = `${Math.min(u, v)}-${Math.max(u, v)}`;
      if (u === v || seen.has(key)) {
        ok = false;
        break;
      }
      seen.add(key);
      edges.push([u, v]);
    }
    if (ok) return edges;
  }
  throw new Error(`no simple 3-regular graph found on ${n} vertices`);
}

/** QAOA (p layers) for MaxCut on a random 3-regular graph. */
export function qaoa(n: number, rng: Rng, p = 2): Circuit {
  const edges = random3Regular(n, rng);
  const b = new CircuitBuilder(n, n, `qaoa${n}`);
  for (let q = 0; q < n; q++) b.h(q);
  for (let layer = 0; layer < p; layer++) {
    const gamma = rng.uniform(0, Math.PI);
    const beta = rng.uniform(0, Math.PI);
    for (const [u, v] of edges) b.rzz(2 * gamma, u, v);
    for (let q = 0; q < n; q++) b.rx(2 * beta, q);
  }
  return b.measureAll().build();
}

/** Bernstein–Vazirani with a random (n − 1)-bit secret and one ancilla. */
export function bernsteinVazirani(n: number, rng: Rng): Circuit {
  const anc = n - 1;
  const b = new CircuitBuilder(n, n - 1, `bv${n}`).x(anc);
  for (let q = 0; q < n; q++) b.h(q);
  for (let q = 0; q < anc; q++) if (rng.random() < 0.5 || q === 0) b.cx(q, anc);
  for (let q = 0; q < anc; q++) b.h(q).measure(q, q);
  return b.build();
}

/** A random circuit: `gates` gates, half CX on random pairs, half random one-qubit gates. */
export function randomCircuit(n: number, gates: number, rng: Rng): Circuit {
  const b = new CircuitBuilder(n, 0, `random${n}`);
  for (let i = 0; i < gates; i++) {
    if (rng.random() < 0.5) {
      const a = rng.int(n);
      let c = rng.int(n - 1);
      if (c >= a) c++;
      b.cx(a, c);
    } else {
      const q = rng.int(n);
      const k = rng.int(3);
      if (k === 0) b.h(q);
      else if (k === 1) b.rz(rng.uniform(-Math.PI, Math.PI), q);
      else b.sx(q);
    }
  }
  return b.build();
}

/** A hardware-efficient QML ansatz: RY·RZ on every qubit, then a CX ladder, repeated. */
export function hardwareEfficient(n: number, gates: number, rng: Rng): Circuit {
  const b = new CircuitBuilder(n, 0, `hea${n}`);
  let count = 0;
  while (count < gates) {
    for (let q = 0; q < n && count < gates; q++, count += 2) b.ry(rng.uniform(-Math.PI, Math.PI), q).rz(rng.uniform(-Math.PI, Math.PI), q);
    for (let q = 0; q + 1 < n && count < gates; q++, count++) b.cx(q, q + 1);
  }
  return b.build();
}

const SIZES = [5, 10, 16, 20, 27];

function suite(rng: Rng, quick: boolean): { family: string; circuit: Circuit }[] {
  const sizes = quick ? [5, 10] : SIZES;
  const even = (n: number) => (n % 2 === 0 ? n : n - 1);
  const out: { family: string; circuit: Circuit }[] = [];
  for (const n of sizes) {
    out.push({ family: 'qft', circuit: qft(n) });
    out.push({ family: 'adder', circuit: cuccaroAdder(Math.max(2, (even(n) - 2) >> 1)) });
    out.push({ family: 'ghz', circuit: ghz(n) });
    out.push({ family: 'qaoa', circuit: qaoa(even(n), rng) });
    out.push({ family: 'bv', circuit: bernsteinVazirani(n, rng) });
    out.push({ family: 'random', circuit: randomCircuit(n, 10 * n, rng) });
  }
  return out;
}

function timed(c: Circuit, target: Target, level: number, seed: number) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const r = transpile(c, target, { level, seed });
  const cpu = process.cpuUsage(cpu0);
  return { r, wall: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

export const transpileBenchmark: Benchmark = {
  name: 'transpile',
  run() {
    const quick = process.argv.includes('--quick');
    const rng = new Rng('bench-transpile');
    const devices = ['ibm_sherbrooke', 'iqm_garnet'];
    const circuits = suite(rng, quick);
    const results: Record<string, unknown>[] = [];
    const totals: Record<string, Record<string, { swaps: number; two_qubit_gates: number; depth: number; seconds: number }>> = {};
    for (const device of devices) {
      const target = targetForDevice(device);
      totals[device] = {};
      for (const { family, circuit } of circuits) {
        if (circuit.numQubits > target.numQubits) continue;
        for (const level of [0, 1, 2, 3]) {
          const { r, wall } = timed(circuit, target, level, 1);
          const m = r.metrics;
          results.push({ device, circuit: circuit.name, family, qubits: circuit.numQubits, level, swaps: m.swaps, two_qubit_gates: m.twoQubitGates, depth: m.depth, seconds: round(wall, 3) });
          const t = (totals[device] as Record<string, { swaps: number; two_qubit_gates: number; depth: number; seconds: number }>);
          const k = `level${level}`;
          t[k] ??= { swaps: 0, two_qubit_gates: 0, depth: 0, seconds: 0 };
          t[k].swaps += m.swaps;
          t[k].two_qubit_gates += m.twoQubitGates;
          t[k].depth += m.depth;
          t[k].seconds = round(t[k].seconds + wall, 4);
        }
      }
    }
    const hh = heavyHexCoupling({ rows: 7, cols: 15, trimCorners: true });
    const eagle = new Target({ name: 'eagle_127_full', numQubits: hh.numQubits, couplers: hh.couplers, basis: NATIVE_GATE_SETS.ibm_eagle });
    const big: Record<string, unknown> = {};
    for (const [name, circuit] of [
      ['random_uniform_pairs', randomCircuit(127, 10_000, new Rng('big-random'))],
      ['hardware_efficient_ansatz', hardwareEfficient(127, 10_000, new Rng('big-hea'))],
    ] as const) {
      const runs = Array.from({ length: quick ? 1 : 3 }, () => timed(circuit, eagle, 1, 1));
      const last = runs[runs.length - 1]!.r;
      big[name] = {
        input_gates: circuit.ops.length,
        level: 1,
        seconds_median: round(median(runs.map((x) => x.wall)), 3),
        cpu_seconds_median: round(median(runs.map((x) => x.cpu)), 3),
        under_2_seconds: median(runs.map((x) => x.wall)) < 2,
        swaps: last.metrics.swaps,
        two_qubit_gates: last.metrics.twoQubitGates,
        output_ops: last.circuit.ops.length,
        depth: last.metrics.depth,
        stage_seconds: Object.fromEntries(last.props.log.map((e) => [`${e.point}:${e.pass}`, round(e.seconds, 3)])),
      };
    }
    return { totals_by_level: totals, circuits: results, '127q_10000_gates_level1': big };
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await transpileBenchmark.run(), null, 2));
}
