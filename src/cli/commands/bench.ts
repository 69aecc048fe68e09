/** `qmlsec bench qnn` — the QNN workloads W1–W4 (medians, milliseconds). */
import type { Command } from 'commander';
import { PENNYLANE_MS, runQnnWorkloads, TARGET_MS } from '../bench/qnn-workloads.js';
import { parseIntOption, printJson, printLine, progressBar } from '../output.js';

export function registerBench(program: Command): void {
  const bench = program.command('bench').description('run built-in benchmarks');
  bench
    .command('qnn')
    .description('QNN workloads W1–W4 (forward + gradient, training, wide circuits, shots)')
    .option('--json', 'print {"W1_ms", "W2_ms", "W3_10q_ms", "W3_16q_fwd_ms", "W4_ms"}')
    .option('--repeats <n>', 'timed repetitions per workload', parseIntOption('--repeats', 1, 10_000), 21)
    .action(async (opts: { json?: boolean; repeats: number }) => {
      const bar = progressBar();
      bar.start(5, 'bench qnn');
      const r = await runQnnWorkloads({ repeats: opts.repeats, onProgress: (done, _of, workload) => bar.update(done, workload) });
      bar.stop();
      if (opts.json) {
        printJson(r);
        return;
      }
      for (const k of Object.keys(r) as (keyof typeof r)[]) {
        printLine(`${k.padEnd(14)} ${r[k].toFixed(3).padStart(9)} ms   target ≤ ${TARGET_MS[k]} ms   PennyLane ${PENNYLANE_MS[k]} ms (${(PENNYLANE_MS[k] / r[k]).toFixed(1)}× faster)`);
      }
    });
}
