/**
 * Access to the public calibration snapshots in ../shared/reference/devices (or
 * $QMLSEC_SHARED/reference/devices). Tests that need them skip, with a message, when absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Folder of the reference device files. */
export const REFERENCE_DIR = join(process.env['QMLSEC_SHARED'] ?? resolve(repoRoot, '..', 'shared'), 'reference', 'devices');

/** True when the reference files are present. */
export const HAS_REFERENCE = existsSync(join(REFERENCE_DIR, 'conf_sherbrooke.json'));

/** Suffix for test titles that need the reference files. */
export const NEEDS_REFERENCE = HAS_REFERENCE ? '' : ` (skipped: ${REFERENCE_DIR} is absent)`;

if (!HAS_REFERENCE) console.warn(`devices tests: ${REFERENCE_DIR} is absent; tests against the vendor files are skipped`);

/** A value with a name, as in IBM props files. */
export interface Nduv {
  readonly name: string;
  readonly value: number;
}

/** The parts of an IBM props file the tests read. */
export interface Props {
  readonly last_update_date: string;
  readonly qubits: readonly (readonly Nduv[])[];
  readonly gates: readonly { readonly gate: string; readonly qubits: readonly number[]; readonly parameters: readonly Nduv[] }[];
  readonly general: readonly Nduv[];
}

/** The parts of an IBM conf file the tests read. */
export interface Conf {
  readonly n_qubits: number;
  readonly basis_gates: readonly string[];
  readonly coupling_map: readonly (readonly [number, number])[];
}

/** Reads and parses a reference JSON file. */
export function readReference<T>(file: string): T {
  return JSON.parse(readFileSync(join(REFERENCE_DIR, file), 'utf8')) as T;
}

/** The named parameter of a props gate entry. */
export function gateParam(g: Props['gates'][number], name: string): number | undefined {
  return g.parameters.find((p) => p.name === name)?.value;
}

/** The named per-qubit property of a props file. */
export function qubitProp(q: readonly Nduv[], name: string): number | undefined {
  return q.find((x) => x.name === name)?.value;
}

/** Catalog id → reference file stem of the IBM devices. */
export const IBM_FILES = {
  ibm_sherbrooke: 'sherbrooke',
  ibm_torino: 'torino',
  ibm_fez: 'fez',
  ibm_nairobi: 'nairobi',
  ibm_lagos: 'lagos',
  ibmq_manila: 'manila',
} as const;
