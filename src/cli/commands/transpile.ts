/**
 * `qmlsec transpile FILE.qasm --device ID` — compile an OpenQASM circuit for a catalog device:
 * layout, routing, translation to the device's native gates, optimisation (levels 0–3). Prints
 * the JSON contract (QASM on the device's physical qubits, initial and final layouts, metrics)
 * or, with `--format qasm`, only the OpenQASM 2 program.
 */
import type { Command } from 'commander';
import { parseQasm, toQasm2 } from '../../circuit/qasm/index.js';
import { roundSig } from '../../core/numeric.js';
import { targetForDevice } from '../../transpile/target-from-device.js';
import { transpile } from '../../transpile/transpile.js';
import { readTextFile } from '../io.js';
import { parseChoice, parseIntOption, printJson } from '../output.js';

interface TranspileCliOptions {
  device: string;
  level: number;
  seed: number;
  format: 'json' | 'qasm';
}

export function registerTranspile(program: Command): void {
  program
    .command('transpile')
    .description('transpile an OpenQASM 2/3 circuit to a device: layout, SWAP routing, native gates, optimisation')
    .argument('<file>', 'OpenQASM file ("-" reads stdin)')
    .requiredOption('-d, --device <id>', 'catalog device id (qmlsec devices list)')
    .option('-l, --level <n>', 'optimisation level 0-3', parseIntOption('--level', 0, 3), 1)
    .option('--seed <s>', 'seed for layout and routing trials (same seed, same output)', parseIntOption('--seed', 0), 0)
    .option('--format <fmt>', 'json or qasm', parseChoice('--format', ['json', 'qasm'] as const), 'json')
    .addHelpText('after', `
JSON output:
  {"qasm": "...", "initial_layout": [...], "final_layout": [...],
   "metrics": {"swaps", "two_qubit_gates", "depth", "two_qubit_depth",
               "estimated_success_probability", "seconds"}}
qasm is OpenQASM 2 on the device's physical qubits (qreg q[N]) using only its native gates;
natives outside qelib1.inc (ecr, prx, gpi, gpi2, ms, r, iswap, rzz) are declared with gate
definitions at the top. initial_layout[v] is the physical qubit of virtual qubit v;
final_layout[v] is where v's state ends up after routing (final measurements read there).
estimated_success_probability = product of (1 - error) over every gate and over the readout
of every measurement, from the device's calibration (virtual rz counts as perfect).
--format qasm prints only the OpenQASM 2 program.`)
    .action((file: string, opts: TranspileCliOptions) => {
      const target = targetForDevice(opts.device);
      const circuit = parseQasm(readTextFile(file), { file });
      const result = transpile(circuit, target, { level: opts.level, seed: opts.seed });
      const qasm = toQasm2(result.circuit);
      if (opts.format === 'qasm') {
        process.stdout.write(qasm);
        return;
      }
      const m = result.metrics;
      printJson({
        qasm,
        initial_layout: result.initialLayout,
        final_layout: result.finalLayout,
        metrics: {
          swaps: m.swaps,
          two_qubit_gates: m.twoQubitGates,
          depth: m.depth,
          two_qubit_depth: m.twoQubitDepth,
          estimated_success_probability: roundSig(m.estimatedSuccessProbability, 6),
          seconds: roundSig(m.seconds, 4),
        },
      });
    });
}
