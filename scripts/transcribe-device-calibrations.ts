/**
 * Transcribes the public calibration snapshots in ../shared/reference/devices/ into qmlsec's
 * compact calibration tables (src/devices/data/*.ts). Run from the repository root:
 *
 *   npx tsx scripts/transcribe-device-calibrations.ts [path/to/reference/devices]
 *
 * The reference folder defaults to $QMLSEC_SHARED/reference/devices or ../shared/reference/devices;
 * when it is absent the script says so and exits 0 (the committed tables stay as they are).
 * It checks the assumptions the builders rely on (id/sx/x share one error and length per qubit,
 * every static-ZZ name resolves to exactly one coupler) and stops with a message otherwise.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const IBM_COMMIT = '73514f06603854cae92573c28c8462d4027efcb9';
const IBM_REPO = 'github.com/Qiskit/qiskit-ibm-runtime';

const IBM_BACKENDS = [
  { backend: 'ibm_sherbrooke', file: 'sherbrooke', constName: 'IBM_SHERBROOKE' },
  { backend: 'ibm_torino', file: 'torino', constName: 'IBM_TORINO' },
  { backend: 'ibm_fez', file: 'fez', constName: 'IBM_FEZ' },
  { backend: 'ibm_nairobi', file: 'nairobi', constName: 'IBM_NAIROBI' },
  { backend: 'ibm_lagos', file: 'lagos', constName: 'IBM_LAGOS' },
  { backend: 'ibmq_manila', file: 'manila', constName: 'IBMQ_MANILA' },
] as const;

interface Nduv {
  name: string;
  value: number;
  unit?: string;
}
interface PropsGate {
  gate: string;
  qubits: number[];
  parameters: Nduv[];
}
interface Props {
  backend_name: string;
  backend_version: string;
  last_update_date: string;
  qubits: Nduv[][];
  gates: PropsGate[];
  general: Nduv[];
}
interface Conf {
  n_qubits: number;
  basis_gates: string[];
  coupling_map: [number, number][];
  processor_type: { family: string; revision: string | number; segment?: string };
  dt: number;
  clops_h?: unknown;
  quantum_volume?: unknown;
  max_shots: number;
  max_experiments: number;
  default_rep_delay: number;
}

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..');
const outDir = join(repoRoot, 'src', 'devices', 'data');

function referenceDir(): string {
  const arg = process.argv[2];
  if (arg) return resolve(arg);
  const shared = process.env['QMLSEC_SHARED'] ?? resolve(repoRoot, '..', 'shared');
  return join(shared, 'reference', 'devices');
}

function fail(message: string): never {
  process.stderr.write(`transcribe: ${message}\n`);
  process.exit(1);
}

function readJson<T>(dir: string, file: string): T {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
}

/** Seven significant digits: enough to reproduce every published figure's precision. */
function num(v: number | null): string {
  if (v === null) return 'null';
  if (!Number.isFinite(v)) fail(`non-finite value ${v}`);
  return String(Number(v.toPrecision(7)));
}

/** conf files write missing figures as null or the string "None". */
function optionalNumber(v: unknown): string {
  return typeof v === 'number' && Number.isFinite(v) ? num(v) : 'null';
}

/** An array literal with one row per line (or `[]` when empty). */
function rows(lines: readonly string[]): string {
  return lines.length === 0 ? '[]' : `[\n${lines.join('\n')}\n  ]`;
}

function param(g: PropsGate, name: string): number | undefined {
  return g.parameters.find((p) => p.name === name)?.value;
}

function qubitValue(q: Nduv[], name: string): number | null {
  const v = q.find((x) => x.name === name)?.value;
  return v === undefined ? null : v;
}

function required(q: Nduv[], name: string, index: number, backend: string): number {
  const v = qubitValue(q, name);
  if (v === null) fail(`${backend}: qubit ${index} has no ${name}`);
  return v;
}

type Row2 = [string, number, number, number, number];

/** Collapses the two directions of a coupler into one row when their figures are identical. */
function collapse(rows: Row2[]): Row2[] {
  const groups = new Map<string, Row2[]>();
  for (const r of rows) {
    const k = `${r[0]}:${Math.min(r[1], r[2])}-${Math.max(r[1], r[2])}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const out: Row2[] = [];
  for (const group of groups.values()) {
    const [first, second] = group;
    if (group.length === 2 && first && second && first[3] === second[3] && first[4] === second[4]) {
      out.push([first[0], Math.min(first[1], first[2]), Math.max(first[1], first[2]), first[3], first[4]]);
    } else out.push(...group);
  }
  return out.sort((a, b) => a[1] - b[1] || a[2] - b[2]);
}

function resolveZzName(digits: string, edges: Set<string>, backend: string): [number, number] {
  const candidates: [number, number][] = [];
  for (let cut = 1; cut < digits.length; cut++) {
    const left = digits.slice(0, cut);
    const right = digits.slice(cut);
    if ((left.length > 1 && left.startsWith('0')) || (right.length > 1 && right.startsWith('0'))) continue;
    const a = Number(left);
    const b = Number(right);
    if (edges.has(`${Math.min(a, b)}-${Math.max(a, b)}`)) candidates.push([a, b]);
  }
  if (candidates.length !== 1) fail(`${backend}: static-ZZ name zz_${digits} matches ${candidates.length} couplers`);
  return candidates[0]!;
}

function transcribeIbm(dir: string, spec: (typeof IBM_BACKENDS)[number]): string {
  const conf = readJson<Conf>(dir, `conf_${spec.file}.json`);
  const props = readJson<Props>(dir, `props_${spec.file}.json`);
  if (props.backend_name !== spec.backend) fail(`props_${spec.file}.json describes ${props.backend_name}, expected ${spec.backend}`);
  const twoQubitBasis = conf.basis_gates.filter((g) => ['ecr', 'cz', 'cx'].includes(g));
  if (twoQubitBasis.length !== 1) fail(`${spec.backend}: expected one two-qubit basis gate, got ${twoQubitBasis.join(', ')}`);
  const basis2q = twoQubitBasis[0]!;
  const oneQubitGates = [...new Set(props.gates.filter((g) => g.qubits.length === 1 && !['rz', 'reset'].includes(g.gate)).map((g) => g.gate))].sort();

  const perQubit = new Map<number, Map<string, [number, number]>>();
  const resetLength = new Map<number, number>();
  for (const g of props.gates) {
    if (g.qubits.length !== 1) continue;
    const q = g.qubits[0]!;
    if (g.gate === 'reset') {
      resetLength.set(q, param(g, 'gate_length') ?? fail(`${spec.backend}: reset on ${q} has no length`));
      continue;
    }
    if (g.gate === 'rz') {
      if (param(g, 'gate_error') !== 0 || param(g, 'gate_length') !== 0) fail(`${spec.backend}: rz on ${q} is not virtual`);
      continue;
    }
    const m = perQubit.get(q) ?? new Map<string, [number, number]>();
    m.set(g.gate, [param(g, 'gate_error') ?? NaN, param(g, 'gate_length') ?? NaN]);
    perQubit.set(q, m);
  }

  const qubitRows: string[] = [];
  props.qubits.forEach((q, i) => {
    const gates = perQubit.get(i);
    if (!gates) fail(`${spec.backend}: qubit ${i} has no single-qubit gates`);
    const sx = gates.get('sx') ?? fail(`${spec.backend}: qubit ${i} has no sx`);
    for (const name of oneQubitGates) {
      const v = gates.get(name);
      if (!v || v[0] !== sx[0] || v[1] !== sx[1]) fail(`${spec.backend}: ${name} on qubit ${i} differs from sx; the compact table assumes they match`);
    }
    const row = [
      required(q, 'T1', i, spec.backend),
      required(q, 'T2', i, spec.backend),
      required(q, 'readout_error', i, spec.backend),
      required(q, 'prob_meas0_prep1', i, spec.backend),
      required(q, 'prob_meas1_prep0', i, spec.backend),
      required(q, 'readout_length', i, spec.backend),
      qubitValue(q, 'frequency'),
      qubitValue(q, 'anharmonicity'),
      resetLength.get(i) ?? fail(`${spec.backend}: qubit ${i} has no reset length`),
      sx[0],
      sx[1],
    ];
    qubitRows.push(`    [${row.map(num).join(', ')}],`);
  });

  const rowsOf = (gate: string): Row2[] =>
    props.gates
      .filter((g) => g.gate === gate && g.qubits.length === 2)
      .map((g) => [gate, g.qubits[0]!, g.qubits[1]!, param(g, 'gate_error') ?? NaN, param(g, 'gate_length') ?? NaN]);
  const basisRows = rowsOf(basis2q);
  const deadBasis = basisRows.filter((r) => r[3] === 1).length;
  const extraNames = [...new Set(props.gates.filter((g) => g.qubits.length === 2 && g.gate !== basis2q).map((g) => g.gate))];
  const extraRows = extraNames.flatMap(rowsOf);
  const deadExtra = extraRows.filter((r) => r[3] === 1).length;

  const edges = new Set(conf.coupling_map.map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`));
  const zzRows: string[] = [];
  const zz = props.general
    .filter((g) => g.name.startsWith('zz_') && g.value !== 0)
    .map((g) => {
      const [a, b] = resolveZzName(g.name.slice(3), edges, spec.backend);
      return [Math.min(a, b), Math.max(a, b), Math.abs(g.value) * 1e6] as const;
    })
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  for (const [a, b, khz] of zz) zzRows.push(`    [${a}, ${b}, ${num(khz)}],`);

  const row2 = (r: Row2): string => `    ['${r[0]}', ${r[1]}, ${r[2]}, ${num(r[3])}, ${num(r[4])}],`;
  const proc = conf.processor_type;
  const processor = `{ family: '${proc.family}', revision: '${String(proc.revision)}'${proc.segment ? `, segment: '${proc.segment}'` : ''} }`;
  return `/**
 * Calibration snapshot of ${spec.backend} (${proc.family} r${String(proc.revision)}), transcribed by
 * scripts/transcribe-device-calibrations.ts — do not edit by hand.
 *
 * Source: ${IBM_REPO} @ ${IBM_COMMIT},
 * qiskit_ibm_runtime/fake_provider/backends/${spec.file}/{conf,props}_${spec.file}.json
 * (Apache-2.0, Copyright IBM and its contributors); properties last_update_date ${props.last_update_date}.
 */
import type { IbmCalibrationTable } from '../calibration-tables.js';

/** ${spec.backend}: ${conf.n_qubits} qubits, ${basisRows.length} ${basis2q} entries (${deadBasis} at error 1). */
export const ${spec.constName}: IbmCalibrationTable = {
  backend: '${spec.backend}',
  backendVersion: '${props.backend_version}',
  propsDate: '${props.last_update_date}',
  source: {
    repo: '${IBM_REPO}',
    commit: '${IBM_COMMIT}',
    files: ['conf_${spec.file}.json', 'props_${spec.file}.json'],
    license: 'Apache-2.0',
  },
  processor: ${processor},
  basisGates: [${conf.basis_gates.map((g) => `'${g}'`).join(', ')}],
  oneQubitGates: [${oneQubitGates.map((g) => `'${g}'`).join(', ')}],
  dtNs: ${num(conf.dt)},
  clopsH: ${optionalNumber(conf.clops_h)},
  quantumVolume: ${optionalNumber(conf.quantum_volume)},
  maxShots: ${conf.max_shots},
  maxExperiments: ${conf.max_experiments},
  defaultRepDelayUs: ${num(conf.default_rep_delay)},
  deadTwoQubitEntries: ${deadBasis},
  deadExtraEntries: ${deadExtra},
  // T1 µs, T2 µs, readout_error, P(0|1), P(1|0), readout ns, frequency GHz, anharmonicity GHz, reset ns, 1q error, 1q ns
  qubits: ${rows(qubitRows)},
  twoQubitGates: ${rows(collapse(basisRows).map(row2))},
  extraTwoQubitGates: ${rows(collapse(extraRows.filter((r) => r[3] !== 1)).map(row2))},
  staticZz: ${rows(zzRows)},
};
`;
}

interface GarnetProfile {
  name: string;
  n_qubits: number;
  source: { repo: string; path: string; license: string };
  t1_ns: number[];
  t2_ns: number[];
  prx_depolarizing_error: number[];
  cz_depolarizing_error: { edge: [number, number]; p: number }[];
  gate_duration_ns: { prx: number; cz: number };
  readout_error: { p_meas1_given0: number; p_meas0_given1: number }[];
}

function transcribeGarnet(dir: string): string {
  const g = readJson<GarnetProfile>(dir, 'iqm_garnet_fake_profile.json');
  const n = g.n_qubits;
  for (const [field, list] of [['t1_ns', g.t1_ns], ['t2_ns', g.t2_ns], ['prx_depolarizing_error', g.prx_depolarizing_error], ['readout_error', g.readout_error]] as const) {
    if (list.length !== n) fail(`iqm_garnet_fake_profile.json: ${field} has ${list.length} entries, expected ${n}`);
  }
  const qubitRows = g.t1_ns.map((t1, i) => {
    const ro = g.readout_error[i]!;
    return `    [${[t1 / 1000, g.t2_ns[i]! / 1000, ro.p_meas0_given1, ro.p_meas1_given0, g.prx_depolarizing_error[i]!].map(num).join(', ')}],`;
  });
  const czRows = g.cz_depolarizing_error.map((c) => `    [${c.edge[0]}, ${c.edge[1]}, ${num(c.p)}],`);
  return `/**
 * Error profile of IQM Garnet (20 qubits), transcribed by scripts/transcribe-device-calibrations.ts
 * — do not edit by hand. Source: ${g.source.repo}, ${g.source.path} (${g.source.license}),
 * via the data-only transcription iqm_garnet_fake_profile.json. Upstream labels it a
 * "sample-chip" profile: representative, not a live calibration. Qubit k is upstream QB{k+1}.
 */
import type { IqmCalibrationTable } from '../calibration-tables.js';

/** IQM Garnet sample-chip error profile. */
export const IQM_GARNET: IqmCalibrationTable = {
  name: '${g.name}',
  source: { repo: '${g.source.repo}', files: ['${g.source.path}'], license: '${g.source.license}' },
  prxDurationNs: ${num(g.gate_duration_ns.prx)},
  czDurationNs: ${num(g.gate_duration_ns.cz)},
  // T1 µs, T2 µs, P(0|1), P(1|0), PRX depolarizing λ
  qubits: ${rows(qubitRows)},
  // a, b, CZ depolarizing λ
  cz: ${rows(czRows)},
};
`;
}

function main(): void {
  const dir = referenceDir();
  if (!existsSync(dir)) {
    process.stdout.write(`transcribe: skipped — reference folder ${dir} is absent; the committed tables are unchanged\n`);
    return;
  }
  for (const spec of IBM_BACKENDS) {
    const file = join(outDir, `${spec.backend}.ts`);
    writeFileSync(file, transcribeIbm(dir, spec));
    process.stdout.write(`wrote ${file}\n`);
  }
  const garnet = join(outDir, 'iqm_garnet.ts');
  writeFileSync(garnet, transcribeGarnet(dir));
  process.stdout.write(`wrote ${garnet}\n`);
}

main();
