/** QNN workloads W1–W4 (issue: QML) — the same code as `qmlsec bench qnn`. Prints JSON. */
import { PENNYLANE_MS, runQnnWorkloads, TARGET_MS } from '../src/cli/bench/qnn-workloads.js';

const r = await runQnnWorkloads();
console.log(JSON.stringify({ ...r, targets_ms: TARGET_MS, pennylane_0_36_ms: PENNYLANE_MS }, null, 2));
