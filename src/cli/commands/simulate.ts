/**
 * `qmlsec simulate FILE.qasm` — run an OpenQASM 2/3 circuit on the statevector simulator and
 * print a statevector, probabilities, counts or expectation values (JSON for scripts).
 */
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { parseQasm } from '../../circuit/qasm/index.js';
import type { Circuit } from '../../circuit/circuit.js';
import { PauliString, PauliSum } from '../../sim/pauli.js';
import { densityMatrixInCircuitOrder, noisyRun, probabilitiesInCircuitOrder } from '../noisy-simulation.js';
import { StatevectorSimulator } from '../../sim/statevector.js';
import { readTextFile } from '../io.js';
import { parseChoice, parseIntOption, printJson, printLine } from '../output.js';

const OUTPUTS = ['statevector', 'probabilities', 'counts', 'expectation', 'density-matrix'] as const;
type Output = (typeof OUTPUTS)[number];

interface SimulateOptions {
  output?: Output;
  noise?: string;
  observable: string[];
  shots?: number;
  seed: number;
  format: 'json' | 'text';
}

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('simulate an OpenQASM 2/3 circuit (exact statevector simulation)')
    .argument('<file>', 'OpenQASM file ("-" reads stdin)')
    .option('-o, --output <kind>', `what to compute: ${OUTPUTS.join(', ')} (default: expectation with --observable, counts when the circuit measures or --shots is given, else probabilities)`, parseChoice('--output', OUTPUTS))
    .option('--observable <obs>', 'Pauli sum such as "Z0" or "0.5*Z0Z1 + X2" (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--shots <n>', 'number of shots (counts; estimates expectations)', parseIntOption('--shots', 1, 10_000_000))
    .option('--seed <s>', 'random seed for sampling', parseIntOption('--seed', 0), 0)
    .option('--noise <spec>', 'device:ID, or a list such as depolarizing=0.001/0.01,readout=0.02 (after every gate as it stands; readout symmetric)')
    .option('--format <fmt>', 'json or text', parseChoice('--format', ['json', 'text'] as const), 'text')
    .addHelpText('after', `
JSON output:
  expectation    {"expectations": [value per observable]}
  statevector    {"num_qubits": n, "statevector": [[re, im], ...]}
  probabilities  {"num_qubits": n, "probabilities": [...]}
  counts         {"counts": {"<bits>": k}}   (classical bit 0 rightmost)
  density-matrix {"num_qubits": n, "density_matrix": [[[re, im], ...], ...]}   (needs --noise)
Qubit q is bit q of the basis index (little-endian, as Qiskit). For statevector and
probabilities, measurements at the end of the circuit are left out.`)
    .action((file: string, opts: SimulateOptions) => {
      const circuit = parseQasm(readTextFile(file), { file });
      if (opts.noise !== undefined) runNoisy(circuit, opts, opts.noise);
      else runSimulate(circuit, opts);
    });
}

function defaultOutput(circuit: Circuit, opts: SimulateOptions): Output {
  if (opts.observable.length > 0) return 'expectation';
  if (opts.shots !== undefined || circuit.ops.some((op) => op.kind === 'measure' || op.kind === 'reset')) return 'counts';
  return 'probabilities';
}

function runSimulate(circuit: Circuit, opts: SimulateOptions): void {
  const output = opts.output ?? defaultOutput(circuit, opts);
  if (opts.observable.length > 0 && output !== 'expectation') throw new UsageError(`--observable only applies to --output expectation (got --output ${output})`);
  if (output === 'expectation' && opts.observable.length === 0) throw new UsageError('--output expectation needs at least one --observable');
  if (opts.shots !== undefined && (output === 'statevector' || output === 'probabilities')) throw new UsageError(`--shots does not apply to --output ${output}`);
  if (output === 'density-matrix') throw new UsageError('--output density-matrix needs --noise (a noiseless state is pure: use --output statevector)');
  const sim = new StatevectorSimulator();
  const n = circuit.numQubits;
  const json = opts.format === 'json';
  switch (output) {
    case 'expectation': {
      const observables = opts.observable.map((o) => PauliSum.parse(o));
      const values = Array.from(sim.expectations(circuit, observables, {}, { ...(opts.shots !== undefined ? { shots: opts.shots } : {}), seed: opts.seed }));
      if (json) printJson({ expectations: values });
      else observables.forEach((o, k) => printLine(`<${o.toString()}> = ${values[k]}`));
      return;
    }
    case 'statevector': {
      const sv = sim.statevector(circuit);
      const amps: [number, number][] = [];
      for (let i = 0; i < sv.length; i += 2) amps.push([sv[i] as number, sv[i + 1] as number]);
      if (json) printJson({ num_qubits: n, statevector: amps });
      else amps.forEach(([re, im], i) => {
        if (Math.hypot(re, im) > 1e-12) printLine(`|${i.toString(2).padStart(n, '0')}⟩  ${re.toPrecision(8)} ${im < 0 ? '-' : '+'} ${Math.abs(im).toPrecision(8)}i`);
      });
      return;
    }
    case 'probabilities': {
      const p = Array.from(sim.run({ circuit, output: 'probabilities' }).probabilities as Float64Array);
      if (json) printJson({ num_qubits: n, probabilities: p });
      else p.forEach((v, i) => {
        if (v > 1e-12) printLine(`${i.toString(2).padStart(n, '0')}  ${v.toPrecision(8)}`);
      });
      return;
    }
    case 'counts': {
      const counts = sim.counts(circuit, opts.shots ?? 1024, { seed: opts.seed });
      printCounts(counts, json);
      return;
    }
  }
}

function printCounts(counts: Record<string, number>, json: boolean): void {
  if (json) printJson({ counts });
  else for (const [k, v] of Object.entries(counts)) printLine(`${k}  ${v}`);
}

function runNoisy(circuit: Circuit, opts: SimulateOptions, spec: string): void {
  const output = opts.output ?? defaultOutput(circuit, opts);
  if (output === 'statevector') throw new UsageError('a noisy state is mixed and has no statevector: use --output density-matrix or probabilities');
  if (opts.observable.length > 0 && output !== 'expectation') throw new UsageError(`--observable only applies to --output expectation (got --output ${output})`);
  const run = noisyRun(circuit, spec, opts.seed);
  if (run.note) process.stderr.write(`qmlsec: ${run.note}\n`);
  const json = opts.format === 'json';
  const n = circuit.numQubits;
  switch (output) {
    case 'counts': {
      const r = run.backend.run({ circuit: run.circuit, output: 'counts', shots: opts.shots ?? 1024, seed: opts.seed });
      printCounts((r.counts as Record<string, number>[])[0] as Record<string, number>, json);
      return;
    }
    case 'probabilities': {
      const r = run.backend.run({ circuit: run.circuit, output: 'probabilities' });
      const p = probabilitiesInCircuitOrder(r.probabilities as Float64Array, run.circuit.numQubits, run.outputQubit);
      if (json) printJson({ num_qubits: n, probabilities: p });
      else p.forEach((v, i) => {
        if (v > 1e-12) printLine(`${i.toString(2).padStart(n, '0')}  ${v.toPrecision(8)}`);
      });
      return;
    }
    case 'density-matrix': {
      if (!run.backend.supports.has('density_matrix')) throw new UsageError(`the density matrix of ${run.circuit.numQubits} simulated qubits is too large; ask for probabilities or counts`);
      const r = run.backend.run({ circuit: run.circuit.splitFinalMeasurements()?.circuit ?? run.circuit, output: 'density_matrix' });
      const rho = densityMatrixInCircuitOrder(r.densityMatrices as Float64Array, run.circuit.numQubits, run.outputQubit);
      if (json) printJson({ num_qubits: n, density_matrix: rho });
      else rho.forEach((row) => printLine(row.map(([re, im]) => `${re.toFixed(6)}${im < 0 ? '-' : '+'}${Math.abs(im).toFixed(6)}i`).join('  ')));
      return;
    }
    case 'expectation': {
      if (opts.observable.length === 0) throw new UsageError('--output expectation needs at least one --observable');
      const observables = opts.observable.map((o) => remap(PauliSum.parse(o), run.outputQubit, n));
      const r = run.backend.run({ circuit: run.circuit, output: 'expectations', observables, ...(opts.shots !== undefined ? { shots: opts.shots, seed: opts.seed } : {}) });
      const values = Array.from(r.expectations as Float64Array);
      if (json) printJson({ expectations: values });
      else opts.observable.forEach((o, k) => printLine(`<${o}> = ${values[k]}`));
      return;
    }
  }
}

function remap(o: PauliSum, outputQubit: readonly number[], n: number): PauliSum {
  if (o.maxQubit >= n) throw new UsageError(`observable ${o.toString()} acts on qubit ${o.maxQubit}; the circuit has ${n}`);
  return new PauliSum(o.terms.map((t) => new PauliString(t.coeff, t.paulis.map((p) => ({ qubit: outputQubit[p.qubit] as number, pauli: p.pauli })))));
}
