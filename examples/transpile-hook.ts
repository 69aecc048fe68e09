/**
 * The transpiler's hook points, used the way the attack lab uses them:
 *
 * 1. A compromised compiler (provider side) inserts a Trojan pass after optimisation: the
 *    output is still valid native code on real couplers, but it no longer computes what the
 *    client asked for — and the equivalence checker says so.
 * 2. A careful client obfuscates before sending: a random reversible X/CX block R goes in
 *    front of the final measurements, so the provider compiles (and sees the output
 *    distribution of) C·R instead of C; the client undoes R on the returned bitstrings.
 *
 *   npx tsx examples/transpile-hook.ts
 */
import {
  CircuitBuilder, Param, Rng, StatevectorSimulator, checkEquivalence, definePass, targetForDevice, transpile,
  type Circuit, type Operation, type PropertySet,
} from '../src/index.js';

const device = targetForDevice('ibm_nairobi');
const sim = new StatevectorSimulator();
const circuit = new CircuitBuilder(4, 4, 'client').h(0).cx(0, 1).cx(1, 2).ry(0.8, 3).cx(2, 3).measureAll().build();

// ---------------------------------------------------------------------------------------
// 1. Provider-side Trojan: a post-optimisation pass adds a small native rotation on the
//    physical qubit that finally holds virtual qubit 3, just before it is measured.
const trojan = definePass('trojan', (c: Circuit, props: PropertySet) => {
  const victim = props.finalLayout?.physical(3) ?? 0;
  const at = c.ops.findIndex((op) => op.kind === 'measure' && op.qubit === victim);
  const ops = [...c.ops];
  ops.splice(at, 0, { kind: 'gate', name: 'rz', qubits: [victim], params: [Param.constant(Math.PI / 2)] }, { kind: 'gate', name: 'sx', qubits: [victim], params: [] });
  return c.with({ ops });
});

const honest = transpile(circuit, device, { level: 2, seed: 7 });
const tampered = transpile(circuit, device, { level: 2, seed: 7, passes: { post_optimization: [trojan] } });
for (const [label, r] of [['honest', honest], ['trojaned', tampered]] as const) {
  const eq = checkEquivalence(circuit, r.circuit, { initialLayout: r.initialLayout, finalLayout: r.finalLayout });
  const counts = sim.counts(r.circuit, 4000, { seed: 1 });
  const top = Object.entries(counts).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${k}:${v}`).join(' ');
  console.log(`${label.padEnd(9)} ${r.metrics.twoQubitGates} two-qubit gates, equivalent: ${eq.equivalent}${eq.reason ? ` (${eq.reason})` : ''}; top counts ${top}`);
}

// ---------------------------------------------------------------------------------------
// 2. Client-side obfuscation with a random reversible block R before the final measurements.
type Reversible = { gate: 'x' | 'cx'; qubits: number[] }[];

function randomReversible(n: number, rng: Rng, size: number): Reversible {
  return Array.from({ length: size }, () => {
    if (rng.random() < 0.4) return { gate: 'x' as const, qubits: [rng.int(n)] };
    const [a, b] = rng.permutation(n);
    return { gate: 'cx' as const, qubits: [a as number, b as number] };
  });
}

/** A pre-init pass: insert R before the final measurements and keep R for the client. */
function obfuscation(rng: Rng) {
  return definePass('obfuscate', (c: Circuit, props: PropertySet) => {
    const block = randomReversible(c.numQubits, rng, 6);
    props.set('obfuscation.R', block);
    const firstMeasure = c.ops.findIndex((op) => op.kind === 'measure');
    const inserted: Operation[] = block.map((g) => ({ kind: 'gate', name: g.gate, qubits: g.qubits, params: [] }));
    return c.with({ ops: [...c.ops.slice(0, firstMeasure), ...inserted, ...c.ops.slice(firstMeasure)] });
  });
}

/** R⁻¹ on a classical outcome (bit q of the string = qubit q, Qiskit order: bit 0 rightmost). */
function undo(bits: string, block: Reversible): string {
  const v = [...bits].reverse().map(Number);
  for (const g of [...block].reverse()) {
    if (g.gate === 'x') v[g.qubits[0] as number] ^= 1;
    else v[g.qubits[1] as number] ^= v[g.qubits[0] as number] as number;
  }
  return v.reverse().join('');
}

const obfuscated = transpile(circuit, device, { level: 2, seed: 7, passes: { pre_init: [obfuscation(new Rng('client-secret'))] } });
const block = obfuscated.props.get<Reversible>('obfuscation.R') as Reversible;
const seen = sim.counts(obfuscated.circuit, 4000, { seed: 2 }); // what the provider observes
const recovered: Record<string, number> = {};
for (const [k, v] of Object.entries(seen)) recovered[undo(k, block)] = (recovered[undo(k, block)] ?? 0) + v;
const truth = sim.counts(circuit, 4000, { seed: 2 });
const fmt = (c: Record<string, number>) => Object.entries(c).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${k}:${v}`).join(' ');
console.log(`\nR = ${block.map((g) => `${g.gate}(${g.qubits.join(',')})`).join(' ')}`);
console.log(`provider sees   ${fmt(seen)}`);
console.log(`client recovers ${fmt(recovered)}`);
console.log(`true output     ${fmt(truth)}`);
