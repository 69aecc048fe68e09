/**
 * `qmlsec devices list|show`: the catalog of simulated cloud QPUs.
 *
 * JSON contracts: `devices list --format json` prints `[{ id, vendor, name, num_qubits }, …]`;
 * `devices show ID --format json` prints {@link DeviceJson} (`id`, `num_qubits`,
 * `native_gates`, `coupling_map`, `summary`, and the full `profile`).
 */
import type { Command } from 'commander';
import { deviceJson, getDevice, listDevices, summarizeDevice, type DeviceProfile } from '../../devices/index.js';
import { parseChoice, printJson, printLine } from '../output.js';

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** Registers `devices list` and `devices show`. */
export function registerDevices(program: Command): void {
  const devices = program.command('devices').description('the catalog of simulated cloud QPUs (topology, calibration, queue and price models)');

  devices
    .command('list')
    .description('list the catalog devices')
    .option('--format <format>', `output format: ${FORMATS.join(' or ')}`, parseChoice('--format', FORMATS), 'text')
    .action((options: { format: Format }) => {
      const rows = listDevices();
      if (options.format === 'json') {
        printJson(rows);
        return;
      }
      const idWidth = Math.max(...rows.map((r) => r.id.length), 2);
      const vendorWidth = Math.max(...rows.map((r) => r.vendor.length), 6);
      printLine(`${'id'.padEnd(idWidth)}  ${'vendor'.padEnd(vendorWidth)}  qubits  name`);
      for (const r of rows) printLine(`${r.id.padEnd(idWidth)}  ${r.vendor.padEnd(vendorWidth)}  ${String(r.num_qubits).padStart(6)}  ${r.name}`);
    });

  devices
    .command('show')
    .description('show one device: topology, native gates, median calibration, models and sources')
    .argument('<id>', 'device id (see `qmlsec devices list`)')
    .option('--format <format>', `output format: ${FORMATS.join(' or ')}`, parseChoice('--format', FORMATS), 'text')
    .action((id: string, options: { format: Format }) => {
      const profile = getDevice(id);
      if (options.format === 'json') printJson(deviceJson(profile));
      else for (const line of describeDevice(profile)) printLine(line);
    });
}

const num = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : Number(v.toPrecision(3)).toString());

/** The text form of `devices show`. */
export function describeDevice(p: DeviceProfile): string[] {
  const s = summarizeDevice(p);
  const dropped = p.dropped_couplers.map((d) => `${d.qubits[0]}-${d.qubits[1]}`).join(', ');
  const hist = Object.entries(s.topology.degree_histogram)
    .map(([deg, count]) => `${deg}:${count}`)
    .join(' ');
  const lines = [
    `${p.id} — ${p.name} (${p.vendor} ${s.processor}, ${p.modality.replace('_', ' ')})`,
    `  qubits ${p.num_qubits}; couplers ${s.num_couplers} usable${p.dropped_couplers.length > 0 ? `, ${p.dropped_couplers.length} dropped (${dropped})` : ''}`,
    `  topology ${p.topology.kind} = ${p.topology.generator}${p.topology.synthetic ? ' [synthetic]' : ''}${p.directed ? `; ${p.native_gates.two_qubit.join('/')} directed` : ''}`,
    ...(p.topology.note ? [`    ${p.topology.note}`] : []),
    `  graph: degrees {${hist}}, diameter ${s.topology.diameter}, mean distance ${num(s.topology.mean_distance)}${s.topology.connected ? '' : ', NOT connected'}`,
    `  native gates: ${p.native_gates.one_qubit.join(' ')} | ${p.native_gates.two_qubit.join(' ')}` +
      `${p.native_gates.virtual.length > 0 ? `  (virtual: ${p.native_gates.virtual.join(' ')})` : ''}` +
      `${p.native_gates.extras.length > 0 ? `  (extras: ${p.native_gates.extras.join(' ')})` : ''}`,
    `  calibration ${s.calibration_date}${s.synthetic_calibration ? ' [synthetic per-qubit values around published medians]' : ''}`,
    `  median T1 ${num(s.median_t1_us)} µs, T2 ${num(s.median_t2_us)} µs, readout error ${num(s.median_readout_error)}`,
    `  median 1q error ${num(s.median_1q_error)} (${num(s.median_1q_duration_ns)} ns), 2q error ${num(s.median_2q_error)} (${num(s.median_2q_duration_ns)} ns)`,
    `  reset (${p.reset.model}): median residual |1⟩ ${num(s.median_reset_residual)}`,
    `  crosstalk (${s.crosstalk.model}): ${s.crosstalk.entries} entries, median ${num(s.crosstalk.median_error)}, max ${num(s.crosstalk.max_error)}`,
    `  queue: median wait ${num(s.queue_median_wait_s)} s; price: ${s.price}`,
    ...(s.quantum_volume !== undefined ? [`  quantum volume ${s.quantum_volume}`] : []),
    ...(s.algorithmic_qubits !== undefined ? [`  algorithmic qubits ${s.algorithmic_qubits}`] : []),
    '  sources:',
    ...p.sources.map((src) => `    - [${src.confidence}] ${src.what} — ${src.citation} (${src.date})`),
  ];
  if (p.calibration.notes.length > 0) lines.push('  notes:', ...p.calibration.notes.map((n) => `    - ${n}`));
  return lines;
}
