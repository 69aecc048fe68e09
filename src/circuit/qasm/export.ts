/**
 * Exporters to OpenQASM 2.0 (`qelib1.inc`) and OpenQASM 3 (`stdgates.inc`). Library gates are
 * written under their OpenQASM names; a gate the include lacks gets a `gate` definition at
 * the top, from the library's `qasmDefinition`, after the definitions it depends on.
 */
import { InputError } from '../../core/errors.js';
import type { Circuit } from '../circuit.js';
import type { GateDef } from '../gate-def.js';
import { getGate } from '../gates.js';
import type { Condition, Operation, Register } from '../operation.js';
import { libraryContext, STANDARD_INCLUDE } from './builtin-gates.js';
import { printExpr } from './expression.js';
import { formatParam, formatReal, inputName } from './format.js';
import { parseDefinitionText } from './gate-definition.js';

type Version = 2 | 3;

const KEYWORDS_V2 = ['OPENQASM', 'include', 'qreg', 'creg', 'gate', 'opaque', 'measure', 'reset', 'barrier', 'if', 'U', 'CX', 'pi', 'sin', 'cos', 'tan', 'exp', 'ln', 'sqrt'];
const KEYWORDS_V3 = [
  ...KEYWORDS_V2, 'qubit', 'bit', 'input', 'output', 'const', 'let', 'def', 'return', 'for', 'while', 'in', 'else', 'break', 'continue', 'end',
  'gphase', 'ctrl', 'negctrl', 'inv', 'pow', 'int', 'uint', 'float', 'angle', 'bool', 'complex', 'duration', 'stretch', 'array', 'box',
  'delay', 'defcal', 'cal', 'defcalgrammar', 'extern', 'switch', 'case', 'default', 'true', 'false', 'tau', 'euler', 'arcsin', 'arccos', 'arctan', 'log',
];
const KEYWORDS: Readonly<Record<Version, ReadonlySet<string>>> = { 2: new Set(KEYWORDS_V2), 3: new Set(KEYWORDS_V3) };
const IDENTIFIER: Readonly<Record<Version, RegExp>> = { 2: /^[a-z][A-Za-z0-9_]*$/, 3: /^[A-Za-z_][A-Za-z0-9_]*$/ };

/**
 * The circuit as an OpenQASM 2.0 program. OpenQASM 2 has no symbolic parameters and no
 * global phase: circuits whose parameters read inputs or weights must be bound first, and
 * the global phase is dropped (OpenQASM 2 circuits are equal up to global phase).
 */
export function toQasm2(circuit: Circuit): string {
  if (!circuit.isBound) {
    throw new InputError(
      `circuit '${circuit.name}' has parameters that depend on inputs or weights (${circuit.numInputs} input(s), ${circuit.numWeights} weight(s)); OpenQASM 2 has no symbolic parameters: bind the circuit first (circuit.bind(x, w)) or export OpenQASM 3`,
      'QASM_UNBOUND',
    );
  }
  return exportCircuit(circuit, 2);
}

/**
 * The circuit as an OpenQASM 3 program. Parameters that read input features or weights
 * become `input float[64] x_<i>;` / `w_<j>;` declarations and affine expressions over them,
 * which {@link parseQasm3} maps back; a non-zero global phase becomes `gphase(...)`.
 */
export function toQasm3(circuit: Circuit): string {
  return exportCircuit(circuit, 3);
}

function exportCircuit(circuit: Circuit, version: Version): string {
  const qubitNames = elementNames(circuit.qregs, circuit.numQubits, 'qubit', version);
  const clbitNames = elementNames(circuit.cregs, circuit.numClbits, 'classical bit', version);
  const lines: string[] = [version === 2 ? 'OPENQASM 2.0;' : 'OPENQASM 3.0;', `include "${STANDARD_INCLUDE[version]}";`];
  if (version === 3) {
    const inputs = [
      ...Array.from({ length: circuit.numInputs }, (_, i) => inputName('x', i)),
      ...Array.from({ length: circuit.numWeights }, (_, j) => inputName('w', j)),
    ];
    const registerNames = new Set([...circuit.qregs, ...circuit.cregs].map((r) => r.name));
    for (const name of inputs) {
      if (registerNames.has(name)) throw new InputError(`register '${name}' has the name of an input variable; rename the register to export OpenQASM 3`, 'QASM_EXPORT');
      lines.push(`input float[64] ${name};`);
    }
  }
  lines.push(...definitions(circuit, version));
  for (const r of circuit.qregs) lines.push(version === 2 ? `qreg ${r.name}[${r.size}];` : `qubit[${r.size}] ${r.name};`);
  for (const r of circuit.cregs) lines.push(version === 2 ? `creg ${r.name}[${r.size}];` : `bit[${r.size}] ${r.name};`);
  if (version === 3 && circuit.globalPhase !== 0) lines.push(`gphase(${formatReal(circuit.globalPhase)});`);
  const conditionText = conditionWriter(circuit.cregs, version);
  circuit.ops.forEach((op, index) => {
    const line = operationText(op, version, qubitNames, clbitNames, circuit.qregs);
    if (op.kind === 'barrier' || !op.condition) {
      if (line) lines.push(line);
      return;
    }
    lines.push(`${conditionText(op.condition, index)} ${line}`);
  });
  return `${lines.join('\n')}\n`;
}

/** `q[3]` for every index, checking that the registers tile the qubits (or bits). */
function elementNames(regs: readonly Register[], count: number, what: string, version: Version): string[] {
  const names: (string | undefined)[] = new Array<string | undefined>(count);
  const seen = new Set<string>();
  for (const r of regs) {
    if (!IDENTIFIER[version].test(r.name) || KEYWORDS[version].has(r.name)) {
      throw new InputError(`register name '${r.name}' is not a valid OpenQASM ${version} identifier; rename it to export`, 'QASM_EXPORT');
    }
    if (seen.has(r.name)) throw new InputError(`two registers are named '${r.name}'`, 'QASM_EXPORT');
    seen.add(r.name);
    for (let i = 0; i < r.size; i++) {
      const idx = r.offset + i;
      if (idx < 0 || idx >= count || names[idx] !== undefined) {
        throw new InputError(`register '${r.name}' does not fit the circuit: ${what} ${idx} is ${idx >= count || idx < 0 ? 'out of range' : 'in two registers'}`, 'QASM_EXPORT');
      }
      names[idx] = `${r.name}[${i}]`;
    }
  }
  const missing = names.findIndex((n) => n === undefined);
  if (missing >= 0) throw new InputError(`${what} ${missing} belongs to no register; registers must cover every ${what}`, 'QASM_EXPORT');
  return names as string[];
}

function qasmName(def: GateDef, version: Version): string | null {
  return version === 2 ? def.qasm2 : def.qasm3;
}

function operationText(op: Operation, version: Version, qubitNames: readonly string[], clbitNames: readonly string[], qregs: readonly Register[]): string {
  switch (op.kind) {
    case 'gate': {
      const def = getGate(op.name);
      const name = qasmName(def, version) ?? def.name;
      const params = op.params.length > 0 ? `(${op.params.map(formatParam).join(', ')})` : '';
      return `${name}${params} ${op.qubits.map((q) => qubitNames[q]).join(', ')};`;
    }
    case 'measure':
      return version === 2 ? `measure ${qubitNames[op.qubit]} -> ${clbitNames[op.clbit]};` : `${clbitNames[op.clbit]} = measure ${qubitNames[op.qubit]};`;
    case 'reset':
      return `reset ${qubitNames[op.qubit]};`;
    case 'barrier':
      return op.qubits.length === 0 ? '' : `barrier ${barrierArgs(op.qubits, qubitNames, qregs)};`;
  }
}

/** Barrier arguments, writing a register's name when the barrier covers it in order. */
function barrierArgs(qubits: readonly number[], names: readonly string[], qregs: readonly Register[]): string {
  const out: string[] = [];
  for (let i = 0; i < qubits.length; ) {
    const q = qubits[i] as number;
    const reg = qregs.find((r) => r.offset === q);
    if (reg && reg.size > 1 && qubits.length - i >= reg.size && Array.from({ length: reg.size }, (_, k) => qubits[i + k] === q + k).every(Boolean)) {
      out.push(reg.name);
      i += reg.size;
    } else {
      out.push(names[q] as string);
      i++;
    }
  }
  return out.join(', ');
}

/** Writes `if (c == v)`; OpenQASM 2 can only test a whole register, OpenQASM 3 also one bit. */
function conditionWriter(cregs: readonly Register[], version: Version): (c: Condition, opIndex: number) => string {
  return (c, opIndex) => {
    const first = c.clbits[0];
    const reg = cregs.find((r) => first !== undefined && first >= r.offset && first < r.offset + r.size);
    if (reg) {
      const whole = c.clbits.length === reg.size && c.clbits.every((b, i) => b === reg.offset + i);
      if (whole) return version === 2 ? `if(${reg.name}==${c.value})` : `if (${reg.name} == ${c.value})`;
      if (version === 3 && c.clbits.length === 1) return `if (${reg.name}[${(first as number) - reg.offset}] == ${c.value})`;
    }
    const what = version === 2 ? 'a whole classical register' : 'a whole classical register or a single bit';
    throw new InputError(`operation ${opIndex} is conditioned on bits [${c.clbits.join(', ')}], which are not ${what}; OpenQASM ${version} cannot express that condition`, 'QASM_EXPORT');
  };
}

/** `gate` definitions for the gates the standard include lacks, dependencies first. */
function definitions(circuit: Circuit, version: Version): string[] {
  const out: string[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const context = libraryContext();
  const visit = (def: GateDef): void => {
    if (done.has(def.name) || qasmName(def, version) !== null) return;
    if (def.qasmDefinition === undefined) {
      throw new InputError(`gate '${def.name}' has no OpenQASM ${version} name and no definition to export`, 'QASM_EXPORT');
    }
    if (visiting.has(def.name)) throw new InputError(`the OpenQASM definitions of '${def.name}' depend on each other in a cycle`, 'QASM_EXPORT');
    visiting.add(def.name);
    const macro = parseDefinitionText(def.qasmDefinition, def.name, def.paramNames, def.numQubits, context);
    const body: string[] = [];
    const style = { version, number: formatReal, param: (_i: number, name: string) => name, input: () => '' };
    for (const stmt of macro.body) {
      if (stmt.kind === 'barrier') {
        body.push(`barrier ${stmt.qubits.map((q) => macro.qubitNames[q]).join(', ')};`);
        continue;
      }
      if (stmt.kind !== 'call' || stmt.entry.kind !== 'library') throw new InputError(`definition of '${def.name}' has an unexpected statement`, 'QASM_EXPORT');
      const callee = stmt.entry.gate;
      visit(callee);
      const params = stmt.params.length > 0 ? `(${stmt.params.map((e) => printExpr(e, style)).join(', ')})` : '';
      body.push(`${qasmName(callee, version) ?? callee.name}${params} ${stmt.qubits.map((q) => macro.qubitNames[q]).join(', ')};`);
    }
    visiting.delete(def.name);
    done.add(def.name);
    const params = def.paramNames.length > 0 ? `(${def.paramNames.join(', ')})` : '';
    out.push(`gate ${def.name}${params} ${macro.qubitNames.join(', ')} { ${body.join(' ')} }`);
  };
  const used = new Set<string>();
  for (const op of circuit.ops) if (op.kind === 'gate') used.add(op.name);
  for (const name of used) visit(getGate(name));
  return out;
}
