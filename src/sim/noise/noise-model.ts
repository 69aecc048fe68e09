/**
 * A noise model: which channels follow which gates on which qubits, readout confusion per
 * qubit, crosstalk onto spectators of two-qubit gates, and imperfect reset — the shape of
 * Qiskit Aer's NoiseModel, extended with the two effects the attack lab needs (crosstalk and
 * state-dependent reset residue). Devices build one from their calibration.
 */
import { InputError } from '../../core/errors.js';
import type { Channel } from './channel.js';

/** Classical readout confusion of one qubit. */
export interface ReadoutError {
  /** P(read 1 | prepared 0). */
  readonly p1Given0: number;
  /** P(read 0 | prepared 1). */
  readonly p0Given1: number;
}

/** A channel applied to specific physical qubits. */
export interface AppliedChannel {
  readonly channel: Channel;
  readonly qubits: readonly number[];
}

/** A channel and, optionally, which of the gate's qubits (local indices) it acts on. */
interface Rule {
  readonly channel: Channel;
  readonly on?: readonly number[];
}

interface GateRules {
  any: Rule[];
  byQubits: Map<string, Rule[]>;
}

const key = (qubits: readonly number[]) => qubits.join(',');
const couplerKey = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);

function checkProbability(p: number, what: string): void {
  if (!Number.isFinite(p) || p < 0 || p > 1) throw new InputError(`${what} must be a probability in [0, 1], got ${p}`, 'PROBABILITY');
}

export class NoiseModel {
  readonly name: string;
  private readonly gates = new Map<string, GateRules>();
  private readonly readout = new Map<number, ReadoutError>();
  private defaultReadout: ReadoutError | undefined;
  private readonly crosstalk = new Map<string, AppliedChannel[]>();
  private readonly resets = new Map<number, { from0: number; from1: number }>();
  private defaultReset: { from0: number; from1: number } | undefined;

  constructor(name = 'noise-model') {
    this.name = name;
  }

  /**
   * Adds a channel after `gates` (names, or '*' for every gate of the channel's arity). With
   * `qubits`, only on that ordered qubit tuple. A one-qubit channel on a multi-qubit gate acts
   * on each of the gate's qubits. Rules for a gate name and exact qubits take precedence over
   * rules for the name on any qubits, which take precedence over '*' rules. `on` restricts
   * the channel to some of the gate's qubits (e.g. each qubit's own relaxation).
   */
  addGateError(channel: Channel, gates: readonly string[] | '*', qubits?: readonly number[], on?: readonly number[]): this {
    const names = gates === '*' ? [`*${channel.numQubits}`] : gates;
    if (qubits && !on && qubits.length !== channel.numQubits && channel.numQubits !== 1) {
      throw new InputError(`a ${channel.numQubits}-qubit channel cannot follow a gate on ${qubits.length} qubit(s)`, 'CHANNEL');
    }
    let local: number[] | undefined;
    if (on) {
      if (!qubits) throw new InputError('addGateError: `on` needs the gate qubits', 'CHANNEL');
      if (on.length !== channel.numQubits) throw new InputError(`a ${channel.numQubits}-qubit channel given ${on.length} target qubit(s)`, 'CHANNEL');
      local = on.map((q) => {
        const i = qubits.indexOf(q);
        if (i < 0) throw new InputError(`addGateError: qubit ${q} is not one of the gate's qubits (${qubits.join(', ')})`, 'CHANNEL');
        return i;
      });
    }
    const rule: Rule = local ? { channel, on: local } : { channel };
    for (const g of names) {
      const rules: GateRules = this.gates.get(g) ?? { any: [], byQubits: new Map<string, Rule[]>() };
      if (qubits) {
        const list = rules.byQubits.get(key(qubits)) ?? [];
        list.push(rule);
        rules.byQubits.set(key(qubits), list);
      } else rules.any.push(rule);
      this.gates.set(g, rules);
    }
    return this;
  }

  /** Readout confusion on one qubit, or on every qubit without its own rule. */
  addReadoutError(error: ReadoutError, qubit?: number): this {
    checkProbability(error.p1Given0, 'readout P(1|0)');
    checkProbability(error.p0Given1, 'readout P(0|1)');
    if (qubit === undefined) this.defaultReadout = error;
    else this.readout.set(qubit, error);
    return this;
  }

  /** A channel on `qubits` (spectators) whenever a two-qubit gate acts on coupler (a, b). */
  addCrosstalk(coupler: readonly [number, number], channel: Channel, qubits: readonly number[]): this {
    if (qubits.length !== channel.numQubits) throw new InputError(`crosstalk channel on ${channel.numQubits} qubit(s) given ${qubits.length} qubit(s)`, 'CHANNEL');
    const k = couplerKey(coupler[0], coupler[1]);
    const list = this.crosstalk.get(k) ?? [];
    list.push({ channel, qubits: [...qubits] });
    this.crosstalk.set(k, list);
    return this;
  }

  /** Imperfect reset: residual |1⟩ population after resetting a qubit that held |0⟩ or |1⟩. */
  setResetError(from0: number, from1: number, qubit?: number): this {
    checkProbability(from0, 'reset residual from |0⟩');
    checkProbability(from1, 'reset residual from |1⟩');
    if (qubit === undefined) this.defaultReset = { from0, from1 };
    else this.resets.set(qubit, { from0, from1 });
    return this;
  }

  /** The channels that follow gate `name` on `qubits`, crosstalk included. */
  errorsAfter(name: string, qubits: readonly number[]): AppliedChannel[] {
    const out: AppliedChannel[] = [];
    const pick = (rules: GateRules | undefined): Rule[] | undefined => {
      if (!rules) return undefined;
      const specific = rules.byQubits.get(key(qubits));
      if (specific && specific.length > 0) return specific;
      return rules.any.length > 0 ? rules.any : undefined;
    };
    const channels = pick(this.gates.get(name)) ?? pick(this.gates.get(`*${qubits.length}`)) ?? [];
    for (const { channel: ch, on } of channels) {
      if (on) out.push({ channel: ch, qubits: on.map((i) => qubits[i] as number) });
      else if (ch.numQubits === qubits.length) out.push({ channel: ch, qubits });
      else if (ch.numQubits === 1) for (const q of qubits) out.push({ channel: ch, qubits: [q] });
    }
    if (qubits.length === 2) out.push(...(this.crosstalk.get(couplerKey(qubits[0] as number, qubits[1] as number)) ?? []));
    return out;
  }

  readoutError(qubit: number): ReadoutError | undefined {
    return this.readout.get(qubit) ?? this.defaultReadout;
  }

  resetError(qubit: number): { from0: number; from1: number } | undefined {
    return this.resets.get(qubit) ?? this.defaultReset;
  }

  /** True when the model has no rule at all (a noiseless run). */
  get isIdeal(): boolean {
    return this.gates.size === 0 && this.readout.size === 0 && !this.defaultReadout && this.crosstalk.size === 0 && this.resets.size === 0 && !this.defaultReset;
  }

  /** Counts of rules, for reports. */
  summary(): { gateRules: number; readoutRules: number; crosstalkRules: number; resetRules: number } {
    let gateRules = 0;
    for (const r of this.gates.values()) gateRules += r.any.length + [...r.byQubits.values()].reduce((s, l) => s + l.length, 0);
    let crosstalkRules = 0;
    for (const l of this.crosstalk.values()) crosstalkRules += l.length;
    return { gateRules, readoutRules: this.readout.size + (this.defaultReadout ? 1 : 0), crosstalkRules, resetRules: this.resets.size + (this.defaultReset ? 1 : 0) };
  }
}
