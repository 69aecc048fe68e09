/**
 * Device catalog tour: list the simulated cloud QPUs, look at one profile's topology and
 * calibration, and price one epoch of QML training on every device — the numbers a
 * rerouting (to a worse, slower or cheaper QPU) or a cost-inflation attack moves.
 *
 *   npx tsx examples/devices.ts
 */
import { couplingGraph, estimatedJobCost, estimatedJobTime, getDevice, listDevices, summarizeDevice } from '../src/index.js';

console.log('Catalog:');
for (const d of listDevices()) console.log(`  ${d.id.padEnd(16)} ${d.vendor.padEnd(10)} ${String(d.num_qubits).padStart(4)} qubits  ${d.name}`);

// 1. One profile in detail: IBM Eagle r3 with its dead couplers removed.
const eagle = getDevice('ibm_sherbrooke');
const graph = couplingGraph(eagle);
console.log(`\n${eagle.name}: ${eagle.coupling_map.length} usable couplers, ${eagle.dropped_couplers.length} dropped`);
console.log(`  isolated qubits (no usable coupler): ${graph.components().filter((c) => c.length === 1).map((c) => c[0]).join(', ')}`);
console.log(`  distance 0 → 126: ${graph.distance(0, 126)} hops; shortest path 0 → 37: ${graph.shortestPath(0, 37)!.join('–')}`);
const worst = [...eagle.crosstalk.entries].sort((a, b) => b.error - a.error)[0]!;
console.log(`  strongest crosstalk: ECR on ${worst.coupler.join('-')} → spectator ${worst.spectator}, error ${worst.error.toExponential(2)} (ζ ${worst.zz_khz} kHz, ${worst.zz_source})`);

// 2. One training epoch: 150 samples × (1 forward + 2·8 parameter-shift) circuits, 1000 shots, depth 30.
//    Jobs are submitted together: one median queue wait, then the jobs run back to back.
const epoch = { shots: 1000, depth: 30, circuits: 150 * 17, qubits: 4 };
console.log('\nOne epoch (2550 circuits × 1000 shots, depth 30, 4 qubits):');
console.log('  device            2q err   readout  QPU time    total time       USD');
for (const { id } of listDevices()) {
  const p = getDevice(id);
  const s = summarizeDevice(p);
  // Providers cap circuits per job; split the epoch into jobs of at most max_circuits.
  const perJob = Math.min(epoch.circuits, p.execution.max_circuits);
  const jobs = Math.ceil(epoch.circuits / perJob);
  const job = { ...epoch, circuits: perJob };
  const time = estimatedJobTime(p, job);
  const cost = estimatedJobCost(p, job);
  console.log(
    `  ${id.padEnd(16)} ${s.median_2q_error.toExponential(1).padStart(8)} ${s.median_readout_error.toFixed(4).padStart(8)} ` +
      `${((jobs * time.billable_s) / 3600).toFixed(2).padStart(7)} h ${((time.queue_wait_s + jobs * time.billable_s) / 3600).toFixed(1).padStart(9)} h ` +
      `${(jobs * cost.usd).toFixed(0).padStart(10)}`,
  );
}
