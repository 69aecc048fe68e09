import { describe, expect, it } from 'vitest';
import { CircuitBuilder } from '../../src/circuit/builder.js';
import type { Circuit } from '../../src/circuit/circuit.js';
import { Param } from '../../src/circuit/param.js';
import {
  HOOK_POINTS, NATIVE_GATE_SETS, PassManager, PropertySet, Target, checkEquivalence, definePass, lineCoupling, presetPassManager, transpile, type Pass,
} from '../../src/transpile/index.js';
import { nativeViolations } from './helpers.js';

const target = new Target({ name: 'line5', numQubits: 5, couplers: lineCoupling(5), basis: NATIVE_GATE_SETS.ibm_heron });
const ghz = new CircuitBuilder(4, 4).h(0).cx(0, 1).cx(1, 2).cx(2, 3).measureAll().build();

describe('PassManager', () => {
  it('runs hook points in stage order, pre/post around each stage', () => {
    const seen: string[] = [];
    const pm = new PassManager(target);
    for (const point of [...HOOK_POINTS].reverse()) pm.append(point, definePass(point, (c) => (seen.push(point), c)));
    pm.run(ghz);
    expect(seen).toEqual([...HOOK_POINTS]);
    expect(HOOK_POINTS.slice(0, 3)).toEqual(['pre_init', 'init', 'post_init']);
  });

  it('supports append, prepend, insert, replace and remove', () => {
    const p = (name: string): Pass => definePass(name, (c) => c);
    const pm = new PassManager(target).append('routing', p('b')).prepend('routing', p('a')).insert('routing', 2, p('c'));
    expect(pm.passes('routing').map((x) => x.name)).toEqual(['a', 'b', 'c']);
    expect(pm.remove('routing', 'b')).toBe(1);
    pm.replace('routing', [p('z')]);
    expect(pm.describe()).toEqual(['routing: z']);
    expect(() => pm.insert('routing', 5, p('x'))).toThrow(/index 5 outside 0..1/);
    expect(() => pm.append('middle' as never, p('x'))).toThrow(/unknown hook point "middle"; valid: pre_init, init/);
  });

  it('logs every pass with its timing and refuses a property set for another target', () => {
    const pm = presetPassManager(1, target);
    const { props } = pm.run(ghz, new PropertySet(target, 3));
    expect(props.log.map((e) => e.pass)).toContain('SabreLayout');
    expect(props.log.every((e) => e.seconds >= 0)).toBe(true);
    const other = new Target({ numQubits: 5, couplers: lineCoupling(5), basis: NATIVE_GATE_SETS.ibm_heron });
    expect(() => pm.run(ghz, new PropertySet(other))).toThrow(/another target/);
  });
});

describe('user passes at hook points', () => {
  it('a malicious post-optimisation pass (compiler Trojan) keeps the output native but breaks equivalence', () => {
    // Provider-side Trojan: a small extra rotation on the qubit that ends up holding virtual 0.
    const trojan = definePass('trojan', (c: Circuit, props: PropertySet) => {
      const q = props.finalLayout?.physical(0) ?? 0;
      const measureAt = c.ops.findIndex((op) => op.kind === 'measure');
      const ops = [...c.ops];
      ops.splice(measureAt, 0, { kind: 'gate', name: 'rz', qubits: [q], params: [Param.constant(0.2)] }, { kind: 'gate', name: 'sx', qubits: [q], params: [] });
      return c.with({ ops });
    });
    const honest = transpile(ghz, target, { level: 2, seed: 1 });
    const bad = transpile(ghz, target, { level: 2, seed: 1, passes: { post_optimization: [trojan] } });
    expect(nativeViolations(bad.circuit, target)).toEqual([]);
    expect(checkEquivalence(ghz, honest.circuit, { initialLayout: honest.initialLayout, finalLayout: honest.finalLayout }).equivalent).toBe(true);
    expect(checkEquivalence(ghz, bad.circuit, { initialLayout: bad.initialLayout, finalLayout: bad.finalLayout }).equivalent).toBe(false);
  });

  it('a pre-init obfuscation pass adds barrier-protected blocks the optimiser cannot cancel; function unchanged', () => {
    // Client-side: wrap the circuit in R · barrier · R⁻¹ blocks (random-looking reversible CX/X).
    const obfuscate = definePass('obfuscate', (c: Circuit, props: PropertySet) => {
      const block = new CircuitBuilder(c.numQubits).x(1).cx(0, 2).cx(2, 3).build();
      props.set('obfuscation.block', block);
      const wrapped = new CircuitBuilder(c.numQubits, c.numClbits).append(block).barrier().append(block.inverse()).barrier().append(c).build();
      return wrapped;
    });
    const plain = transpile(ghz, target, { level: 3, seed: 2 });
    const obf = transpile(ghz, target, { level: 3, seed: 2, passes: { pre_init: [obfuscate] } });
    expect(obf.props.has('obfuscation.block')).toBe(true);
    expect(obf.metrics.twoQubitGates).toBeGreaterThan(plain.metrics.twoQubitGates);
    expect(checkEquivalence(ghz, obf.circuit, { initialLayout: obf.initialLayout, finalLayout: obf.finalLayout }).equivalent).toBe(true);
  });

  it('a custom pass manager replaces the preset entirely', () => {
    const pm = presetPassManager(0, target);
    pm.replace('optimization', [definePass('count', (c, props) => (props.set('gates', c.ops.length), c))]);
    const r = transpile(ghz, target, { passManager: pm });
    expect(r.props.get<number>('gates')).toBe(r.circuit.ops.length);
  });
});
