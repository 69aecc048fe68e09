/**
 * The command line's noise specification: a comma-separated list such as
 * `depolarizing=0.001/0.01,readout=0.02` (one-/two-qubit depolarizing after every gate,
 * symmetric readout flip). Also accepted: `readout=P10/P01`, `amplitude_damping=γ`,
 * `phase_damping=λ`, `reset=r0/r1`. (`device:ID` is resolved by the devices room.)
 */
import { ParseError } from '../../core/errors.js';
import { amplitudeDamping, depolarizing, phaseDamping, tensor, type Channel } from './channel.js';
import { NoiseModel } from './noise-model.js';

const KNOWN = ['depolarizing', 'readout', 'amplitude_damping', 'phase_damping', 'reset'];

/** Parses a noise specification into a NoiseModel; errors give the column. */
export function parseNoiseSpec(spec: string): NoiseModel {
  const model = new NoiseModel(`noise(${spec})`);
  const items = spec.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (items.length === 0) fail(spec, 0, 'empty noise specification');
  let offset = 0;
  for (const item of items) {
    const column = spec.indexOf(item, offset);
    offset = column + item.length;
    const m = /^([a-z_]+)\s*=\s*(.+)$/.exec(item);
    if (!m) fail(spec, column, `expected NAME=VALUE, got "${item}"`);
    const name = (m as RegExpExecArray)[1] as string;
    if (!KNOWN.includes(name)) fail(spec, column, `unknown noise "${name}" (known: ${KNOWN.join(', ')})`);
    const values = ((m as RegExpExecArray)[2] as string).split('/').map((v) => v.trim());
    const nums = values.map((v) => {
      const n = Number(v);
      if (v === '' || !Number.isFinite(n)) fail(spec, column, `"${v}" is not a number in ${name}`);
      if (n < 0 || n > 1) fail(spec, column, `${name} value ${n} is not a probability in [0, 1]`);
      return n;
    });
    const arity = (lo: number, hi: number) => {
      if (nums.length < lo || nums.length > hi) fail(spec, column, `${name} takes ${lo === hi ? lo : `${lo} or ${hi}`} value(s) separated by "/", got ${nums.length}`);
    };
    switch (name) {
      case 'depolarizing':
        arity(1, 2);
        model.addGateError(depolarizing(nums[0] as number, 1), '*');
        model.addGateError(depolarizing((nums[1] ?? nums[0]) as number, 2), '*');
        break;
      case 'readout':
        arity(1, 2);
        model.addReadoutError({ p1Given0: nums[0] as number, p0Given1: (nums[1] ?? nums[0]) as number });
        break;
      case 'amplitude_damping':
        arity(1, 1);
        everyGate(model, amplitudeDamping(nums[0] as number));
        break;
      case 'phase_damping':
        arity(1, 1);
        everyGate(model, phaseDamping(nums[0] as number));
        break;
      case 'reset':
        arity(1, 2);
        model.setResetError(nums[0] as number, (nums[1] ?? nums[0]) as number);
        break;
      default:
        fail(spec, column, `unknown noise "${name}" (known: depolarizing, readout, amplitude_damping, phase_damping, reset)`);
    }
  }
  return model;
}

/** A one-qubit channel after every gate, on each of its qubits. */
function everyGate(model: NoiseModel, channel: Channel): void {
  model.addGateError(channel, '*');
  model.addGateError(tensor(channel, channel), '*');
}

function fail(spec: string, column: number, message: string): never {
  throw new ParseError(`${message} in noise specification "${spec}"`, { line: 1, column: column + 1 }, 'NOISE_SPEC');
}
