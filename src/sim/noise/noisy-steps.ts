/**
 * A circuit under a noise model, as a list of steps: the gate's instructions, then the
 * channels that follow it (gate error, relaxation, crosstalk), resets with their residue,
 * measurements. Gates on three or more qubits are decomposed first (exactly), so that noise
 * is attached to one- and two-qubit gates as hardware would run them.
 */
import { InputError } from '../../core/errors.js';
import type { Circuit } from '../../circuit/circuit.js';
import { getGate } from '../../circuit/gates.js';
import type { Condition, GateOp, Operation } from '../../circuit/operation.js';
import type { Param } from '../../circuit/param.js';
import { lowerGateOp, type Instr } from '../program.js';
import { resetChannel, type Channel } from './channel.js';
import type { NoiseModel } from './noise-model.js';

export type NoisyStep =
  | { readonly kind: 'gate'; readonly op: GateOp; readonly instrs: readonly Instr[]; readonly condition?: Condition }
  | { readonly kind: 'channel'; readonly channel: Channel; readonly qubits: readonly number[]; readonly condition?: Condition }
  | { readonly kind: 'reset'; readonly qubit: number; readonly channel: Channel; readonly condition?: Condition }
  | { readonly kind: 'measure'; readonly qubit: number; readonly clbit: number; readonly condition?: Condition };

/** Expands gates on 3+ qubits into 1- and 2-qubit gates (recursively, exactly). */
export function decomposeWideGates(ops: readonly Operation[]): Operation[] {
  const out: Operation[] = [];
  const visit = (op: Operation) => {
    if (op.kind !== 'gate' || op.qubits.length <= 2) {
      out.push(op);
      return;
    }
    const def = getGate(op.name);
    if (!def.decompose) throw new InputError(`gate ${op.name} on ${op.qubits.length} qubits has no decomposition`, 'UNSUPPORTED');
    for (const c of def.decompose(op.params)) {
      const sub: GateOp = {
        kind: 'gate', name: c.name, qubits: c.qubits.map((j) => op.qubits[j] as number), params: c.params as readonly Param[],
        ...(op.condition ? { condition: op.condition } : {}),
      };
      visit(sub);
    }
  };
  ops.forEach(visit);
  return out;
}

/** Builds the noisy steps of `circuit` under `model` (weights may be frozen, as in compile). */
export function buildNoisySteps(circuit: Circuit, model: NoiseModel, frozenWeights?: Float64Array): NoisyStep[] {
  const steps: NoisyStep[] = [];
  for (const op of decomposeWideGates(circuit.ops)) {
    switch (op.kind) {
      case 'barrier':
        break;
      case 'measure':
        steps.push({ kind: 'measure', qubit: op.qubit, clbit: op.clbit, ...(op.condition ? { condition: op.condition } : {}) });
        break;
      case 'reset': {
        const r = model.resetError(op.qubit);
        steps.push({ kind: 'reset', qubit: op.qubit, channel: resetChannel(r?.from0 ?? 0, r?.from1 ?? 0), ...(op.condition ? { condition: op.condition } : {}) });
        break;
      }
      case 'gate': {
        const cond = op.condition ? { condition: op.condition } : {};
        steps.push({ kind: 'gate', op, instrs: lowerGateOp(op.name, op.qubits, op.params, frozenWeights), ...cond });
        for (const applied of model.errorsAfter(op.name, op.qubits)) steps.push({ kind: 'channel', channel: applied.channel, qubits: applied.qubits, ...cond });
        break;
      }
    }
  }
  return steps;
}
