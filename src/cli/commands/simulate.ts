/**
 * `qmlsec simulate FILE.qasm` — run an OpenQASM 2/3 circuit on the statevector simulator and
 * print a statevector, probabilities, counts or expectation values (JSON for scripts).
 */
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { parseQasm } from '../../circuit/qasm/index.js';
import type { Circuit } from '../../circuit/circuit.js';
import { PauliSum } from '../../sim/pauli.js';
import { StatevectorSimulator } from '../../sim/statevector.js';
import { readTextFile } from '../io.js';
import { parseChoice, parseIntOption, printJson, printLine } from '../output.js';

const OUTPUTS = ['statevector', 'probabilities', 'counts', 'expectation'] as const;
type Output = (typeof OUTPUTS)[number];

interface SimulateOptions {
  output?: Output;
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
    .option('--format <fmt>', 'json or text', parseChoice('--format', ['json', 'text'] as const), 'text')
    .addHelpText('after', `
JSON output:
  expectation    {"expectations": [value per observable]}
  statevector    {"num_qubits": n, "statevector": [[re, im], ...]}
  probabilities  {"num_qubits": n, "probabilities": [...]}
  counts         {"counts": {"<bits>": k}}   (classical bit 0 rightmost)
Qubit q is bit q of the basis index (little-endian, as Qiskit). For statevector and
probabilities, measurements at the end of the circuit are left out.`)
    .action((file: string, opts: SimulateOptions) => {
      const circuit = parseQasm(readTextFile(file), { file });
      runSimulate(circuit, opts);
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
      if (json) printJson({ counts });
      else for (const [k, v] of Object.entries(counts)) printLine(`${k}  ${v}`);
      return;
    }
  }
}
