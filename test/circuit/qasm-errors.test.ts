import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/core/errors.js';
import { parseQasm, parseQasm2, parseQasm3 } from '../../src/circuit/qasm/index.js';
import { expectParseError } from './qasm-test-utils.js';

// Two header lines: the first line of a body is line 3.
const HEAD2 = 'OPENQASM 2.0;\ninclude "qelib1.inc";\n';
const HEAD3 = 'OPENQASM 3.0;\ninclude "stdgates.inc";\n';
const v2 = (body: string) => () => parseQasm(HEAD2 + body);
const v3 = (body: string) => () => parseQasm(HEAD3 + body);

type Case = [description: string, run: () => unknown, line: number, column: number, message: RegExp, code: string];

const MALFORMED: Case[] = [
  ['missing semicolon', v2('qreg q[1];\nh q[0]\nx q[0];'), 5, 1, /expected ';' after the call of 'h', found 'x'/, 'QASM_SYNTAX'],
  ['missing header (OpenQASM 2)', () => parseQasm2('qreg q[1];'), 1, 1, /expected the header 'OPENQASM 2\.0;', found 'qreg'/, 'QASM_SYNTAX'],
  ['missing header (auto-detect)', () => parseQasm('w q;'), 1, 1, /expected an 'OPENQASM 2\.0;' or 'OPENQASM 3\.0;' header, found 'w'/, 'QASM_VERSION'],
  ['unsupported version', () => parseQasm('OPENQASM 4.0;'), 1, 10, /unsupported OpenQASM version '4\.0'/, 'QASM_VERSION'],
  ['version mismatch', () => parseQasm2('OPENQASM 3.0;\nqubit q;'), 1, 10, /OpenQASM 3\.0 program, but OpenQASM 2 was requested/, 'QASM_VERSION'],
  ['header twice', v2('OPENQASM 2.0;'), 3, 1, /header must be the first statement/, 'QASM_SYNTAX'],
  ['unterminated block comment', v2('qreg q[1];\n/* never\nclosed'), 4, 1, /unterminated \/\* comment/, 'QASM_SYNTAX'],
  ['unterminated string', () => parseQasm('OPENQASM 2.0;\ninclude "qelib1.inc;\n'), 2, 9, /unterminated string/, 'QASM_SYNTAX'],
  ['unexpected character', v2('qreg q[1];\nh q[0]; ?'), 4, 9, /unexpected character '\?'/, 'QASM_SYNTAX'],
  ['pragma', v3('#pragma foo\n'), 3, 1, /'#' \(pragma or directive\) is not supported/, 'QASM_SYNTAX'],
  ['malformed exponent', v2('qreg q[1];\nrz(1e) q[0];'), 4, 4, /malformed number '1e'/, 'QASM_SYNTAX'],
  ['number glued to a name', v2('qreg q[1];\nrz(2pi) q[0];'), 4, 4, /malformed number '2p'/, 'QASM_SYNTAX'],
  ['missing expression', v2('qreg q[1];\nrz() q[0];'), 4, 1, /gate 'rz' takes 1 parameter \(phi\), got 0/, 'QASM_ARITY'],
  ['dangling operator', v2('qreg q[1];\nrz(1+) q[0];'), 4, 6, /expected an expression, found '\)'/, 'QASM_SYNTAX'],
  ['unbalanced parenthesis', v2('qreg q[1];\nrz((1+2) q[0];'), 4, 10, /expected '\)' after the gate parameters, found 'q'/, 'QASM_SYNTAX'],
  ['unclosed parenthesis', v2('qreg q[1];\nrz((1+2 q[0];'), 4, 9, /expected '\)' to close the parenthesis, found 'q'/, 'QASM_SYNTAX'],
  ['unknown identifier in an expression', v2('qreg q[1];\nrz(theta) q[0];'), 4, 4, /unknown identifier 'theta' in a gate parameter/, 'QASM_UNDECLARED'],
  ['object property names are not constants', v2('qreg q[1];\nrz(constructor) q[0];'), 4, 4, /unknown identifier 'constructor'/, 'QASM_UNDECLARED'],
  ['object property names are not statements', v3('qubit q;\ntoString q;'), 4, 1, /unknown gate 'toString'/, 'QASM_UNKNOWN_GATE'],
  ['OpenQASM 3 power in OpenQASM 2', v2('qreg q[1];\nrz(2**2) q[0];'), 4, 5, /OpenQASM 2 writes powers as '\^'/, 'QASM_SYNTAX'],
  ['XOR in OpenQASM 3', v3('qubit q;\nrz(2^2) q;'), 4, 5, /'\^' is bitwise XOR in OpenQASM 3/, 'QASM_UNSUPPORTED'],
  ['statement starting with a number', v2('qreg q[1];\n3;'), 4, 1, /expected a statement, found '3'/, 'QASM_SYNTAX'],
  ['register size missing', v2('qreg q[];'), 3, 8, /expected the register size \(a non-negative integer\), found '\]'/, 'QASM_SYNTAX'],
  ['include without quotes', v2('include qelib1;'), 3, 9, /expected a file name in quotes after 'include'/, 'QASM_SYNTAX'],
  ['OpenQASM 3 syntax in OpenQASM 2', v2('qubit[2] q;'), 3, 1, /'qubit' is OpenQASM 3 syntax, but this program is OpenQASM 2/, 'QASM_UNSUPPORTED'],
  ['assignment in OpenQASM 2', v2('qreg q[1];\ncreg c[1];\nc = measure q;'), 5, 1, /assignment to 'c' is OpenQASM 3 syntax/, 'QASM_UNSUPPORTED'],
];

const GATES: Case[] = [
  ['unknown gate', v2('qreg q[2];\nfoo q[0];'), 4, 1, /unknown gate 'foo'/, 'QASM_UNKNOWN_GATE'],
  ['qelib1 gate without the include', () => parseQasm('OPENQASM 2.0;\nqreg q[1];\nh q[0];'), 3, 1, /unknown gate 'h' \(it is defined in qelib1\.inc: add 'include "qelib1\.inc";'\)/, 'QASM_UNKNOWN_GATE'],
  ['library gate qelib1.inc lacks', v2('qreg q[2];\nrzx(0.1) q[0], q[1];'), 4, 1, /unknown gate 'rzx' \(qmlsec's library has 'rzx', but qelib1\.inc does not define it/, 'QASM_UNKNOWN_GATE'],
  ['stdgates gate without the include', () => parseQasm('OPENQASM 3.0;\nqubit q;\nh q;'), 3, 1, /unknown gate 'h' \(it is defined in stdgates\.inc/, 'QASM_UNKNOWN_GATE'],
  ['opaque gate', v2('opaque mystery(a) q0, q1;'), 3, 8, /opaque gate 'mystery' is not supported/, 'QASM_OPAQUE'],
  ['too many parameters', v2('qreg q[1];\n  rz(1, 2) q[0];'), 4, 3, /gate 'rz' takes 1 parameter \(phi\), got 2/, 'QASM_ARITY'],
  ['parameters for a gate without any', v2('qreg q[1];\nh(0.5) q[0];'), 4, 1, /gate 'h' takes 0 parameters, got 1/, 'QASM_ARITY'],
  ['too few qubits', v2('qreg q[2];\ncx q[0];'), 4, 1, /gate 'cx' acts on 2 qubits, got 1/, 'QASM_ARITY'],
  ['too many qubits for a user gate', v2('gate g a { x a; }\nqreg q[2];\ng q[0], q[1];'), 5, 1, /gate 'g' acts on 1 qubit, got 2/, 'QASM_ARITY'],
  ['duplicate qubit', v2('qreg q[2];\ncx q[1], q[1];'), 4, 1, /gate 'cx' uses qubit q\[1\] twice/, 'QASM_DUPLICATE_QUBIT'],
  ['duplicate qubit through broadcast', v2('qreg q[2];\ncx q, q[0];'), 4, 1, /gate 'cx' uses qubit q\[0\] twice/, 'QASM_DUPLICATE_QUBIT'],
  ['gate redefined', v2('gate g a { x a; }\ngate g a { y a; }'), 4, 6, /gate 'g' is already defined at 3:1/, 'QASM_REDECLARED'],
  ['built-in redefined', v2('gate U(a,b,c) q { }'), 3, 6, /cannot redefine the built-in gate 'U'/, 'QASM_REDECLARED'],
  ['unknown qubit in a body', v2('gate g a { cx a, b; }'), 3, 18, /'b' is not a qubit of gate 'g' \(its qubits: a\)/, 'QASM_UNDECLARED'],
  ['unknown parameter in a body', v2('gate g(t) a { rz(s) a; }'), 3, 18, /unknown identifier 's' in the definition of gate 'g'/, 'QASM_UNDECLARED'],
  ['indexed qubit in a body', v2('gate g a { x a[0]; }'), 3, 15, /cannot be indexed inside the body of 'g'/, 'QASM_SYNTAX'],
  ['recursion', v2('gate g a { g a; }'), 3, 12, /gate 'g' cannot call itself/, 'QASM_UNKNOWN_GATE'],
  ['gate used before its definition', v2('gate f a { g a; }\ngate g a { x a; }'), 3, 12, /unknown gate 'g'/, 'QASM_UNKNOWN_GATE'],
  ['measure in a body', v2('gate g a { measure a -> c; }'), 3, 12, /'measure' is not allowed inside the body of gate 'g'/, 'QASM_SYNTAX'],
  ['duplicate formal qubit', v2('gate g a, a { }'), 3, 11, /qubit 'a' is declared twice in gate 'g'/, 'QASM_REDECLARED'],
  ['duplicate qubit in a body call', v2('gate g a, b { cx a, a; }'), 3, 15, /gate 'cx' uses qubit 'a' twice/, 'QASM_DUPLICATE_QUBIT'],
];

const REGISTERS: Case[] = [
  ['qubit index out of range', v2('qreg q[2];\nh q[2];'), 4, 5, /qubit index 2 is out of range for register 'q' of size 2/, 'QASM_RANGE'],
  ['bit index out of range', v2('qreg q[2];\ncreg c[1];\nmeasure q[0] -> c[1];'), 5, 19, /bit index 1 is out of range for register 'c' of size 1/, 'QASM_RANGE'],
  ['undeclared register', v2('qreg q[2];\nh r[0];'), 4, 3, /undeclared quantum register 'r'/, 'QASM_UNDECLARED'],
  ['classical register as a qubit', v2('creg c[2];\nh c[0];'), 4, 3, /'c' is a classical register; a qubit argument is needed here/, 'QASM_UNDECLARED'],
  ['register redeclared', v2('qreg q[2];\ncreg q[2];'), 4, 6, /'q' is already declared at 3:6/, 'QASM_REDECLARED'],
  ['empty register', v2('qreg q[0];'), 3, 8, /register 'q' must have at least one qubit, got 0/, 'QASM_RANGE'],
  ['too many qubits', v2('qreg a[1000];\nqreg b[100];'), 4, 8, /brings the circuit to 1100 qubits; at most 1024/, 'QASM_RANGE'],
  ['broadcast over registers of different sizes', v2('qreg a[2];\nqreg b[3];\ncx a, b;'), 5, 7, /'b' has 3 elements but 'a' has 2/, 'QASM_ARITY'],
  ['measure of a register into one bit', v2('qreg q[2];\ncreg c[2];\nmeasure q -> c[0];'), 5, 14, /measure: 'q' has 2 qubit\(s\) but 'c\[0\]' has 1 bit\(s\)/, 'QASM_ARITY'],
  ['measure without arrow', v2('qreg q[1];\ncreg c[1];\nmeasure q[0] c[0];'), 5, 14, /expected '->' after the measured qubit, found 'c'/, 'QASM_SYNTAX'],
];

const VALUES: Case[] = [
  ['division by zero', v2('qreg q[1];\nrz(pi + 1/0) q[0];'), 4, 9, /division by zero \(1 \/ 0\)/, 'QASM_NOT_FINITE'],
  ['overflow', v2('qreg q[1];\nrz(exp(1000)) q[0];'), 4, 4, /expression is not a finite number: exp\(1000\) = Infinity/, 'QASM_NOT_FINITE'],
  ['square root of a negative number', v2('qreg q[1];\nrz(sqrt(-1)) q[0];'), 4, 4, /sqrt\(-1\) = NaN/, 'QASM_NOT_FINITE'],
  ['logarithm of zero', v2('qreg q[1];\nrz(ln(0)) q[0];'), 4, 4, /ln\(0\) = -Infinity/, 'QASM_NOT_FINITE'],
  ['huge power', v2('qreg q[1];\nrz(10^400) q[0];'), 4, 4, /10 \^ 400 = Infinity/, 'QASM_NOT_FINITE'],
  ['literal too large', v2('qreg q[1];\nrz(1e400) q[0];'), 4, 4, /number 1e400 is too large for a double/, 'QASM_NOT_FINITE'],
  [
    'division by zero inside a definition',
    v2('gate g(a) r { rz(1/a) r; }\nqreg q[1];\ng(0) q[0];'),
    3, 18, /division by zero \(1 \/ 0\) \(while expanding gate 'g' called at 5:1\)/, 'QASM_NOT_FINITE',
  ],
  ['condition value too large', v2('qreg q[1];\ncreg c[2];\nif(c==4) x q[0];'), 5, 7, /condition value 4 does not fit in 'c' \(2 bit\(s\), largest value 3\)/, 'QASM_CONDITION'],
  ['condition on one bit in OpenQASM 2', v2('qreg q[1];\ncreg c[2];\nif(c[0]==1) x q[0];'), 5, 4, /OpenQASM 2 conditions test a whole register/, 'QASM_UNSUPPORTED'],
  ['condition on a quantum register', v2('qreg q[1];\nif(q==1) x q[0];'), 4, 4, /'q' is a quantum register; a classical bit argument is needed here/, 'QASM_UNDECLARED'],
  ['barrier under if', v2('qreg q[1];\ncreg c[1];\nif(c==1) barrier q;'), 5, 10, /'barrier' cannot be conditioned by 'if'/, 'QASM_UNSUPPORTED'],
  ['nested if', v3('qubit q;\nbit c;\nif (c == 1) if (c == 0) x q;'), 5, 13, /'if' cannot be conditioned by 'if'/, 'QASM_UNSUPPORTED'],
  ['not-equal condition', v3('qubit q;\nbit c;\nif (c != 1) x q;'), 5, 7, /expected '==' in the condition, found '!='/, 'QASM_UNSUPPORTED'],
];

const INCLUDES: Case[] = [
  ['unknown include', v2('include "other.inc";'), 3, 9, /cannot include "other\.inc": only "qelib1\.inc" is built in; pass an includeResolver/, 'QASM_INCLUDE'],
  ['stdgates in OpenQASM 2', v2('include "stdgates.inc";'), 3, 9, /'stdgates\.inc' is the OpenQASM 3 library; OpenQASM 2 programs include "qelib1\.inc"/, 'QASM_INCLUDE'],
  ['qelib1 in OpenQASM 3', () => parseQasm('OPENQASM 3.0;\ninclude "qelib1.inc";'), 2, 9, /'qelib1\.inc' is the OpenQASM 2 library/, 'QASM_INCLUDE'],
  [
    'include cycle',
    () => parseQasm(`${HEAD2}include "a.inc";`, { includeResolver: (p) => ({ 'a.inc': 'include "b.inc";', 'b.inc': '\ninclude "a.inc";' })[p] }),
    2, 9, /include cycle: a\.inc -> b\.inc -> a\.inc/, 'QASM_INCLUDE',
  ],
];

const UNSUPPORTED_V3: Case[] = [
  ['for loop', v3('qubit[2] q;\nfor i in [0:1] { h q[i]; }'), 4, 1, /unsupported OpenQASM 3 feature: for loops \('for'\)/, 'QASM_UNSUPPORTED'],
  ['while loop', v3('while (true) { }'), 3, 1, /while loops/, 'QASM_UNSUPPORTED'],
  ['subroutine', v3('def f(qubit a) { h a; }'), 3, 1, /subroutines \(def\)/, 'QASM_UNSUPPORTED'],
  ['classical variable', v3('int[8] n = 3;'), 3, 1, /classical variables \(int\)/, 'QASM_UNSUPPORTED'],
  ['const', v3('const float t = 0.5;'), 3, 1, /constants \(const\)/, 'QASM_UNSUPPORTED'],
  ['else', v3('qubit q;\nbit c;\nif (c == 1) x q; else z q;'), 5, 18, /else \('else'\)/, 'QASM_UNSUPPORTED'],
  ['ctrl modifier', v3('qubit[2] q;\nctrl @ x q[0], q[1];'), 4, 1, /gate modifier 'ctrl @' is not supported/, 'QASM_UNSUPPORTED'],
  ['inv modifier in a body', v3('gate g a { inv @ s a; }'), 3, 12, /gate modifier 'inv @' is not supported/, 'QASM_UNSUPPORTED'],
  ['measure without target', v3('qubit q;\nmeasure q;'), 4, 1, /a measurement without a target bit is not supported/, 'QASM_UNSUPPORTED'],
  ['classical assignment', v3('qubit q;\nbit c;\nc = 1;'), 5, 5, /only 'measure' can be assigned to 'c'/, 'QASM_UNSUPPORTED'],
  ['bit initialiser', v3('bit[2] c = "01";'), 3, 10, /initialising 'c' in its declaration is not supported/, 'QASM_UNSUPPORTED'],
  ['non-bilinear parameter', v3('input float[64] x_0;\nqubit q;\nrz(x_0 * x_0 * x_0) q;'), 5, 4, /must be affine or bilinear in the inputs .* a product of more than two input-dependent values/, 'QASM_UNSUPPORTED'],
  ['function of an input', v3('input float[64] w_1;\nqubit q;\nrz(sin(w_1)) q;'), 5, 4, /sin\(\) of an input-dependent value/, 'QASM_UNSUPPORTED'],
  ['input with another name', v3('input float[64] theta;'), 3, 17, /input 'theta' must be named x_<i> \(input feature i\) or w_<j> \(weight j\)/, 'QASM_UNSUPPORTED'],
  ['input of another type', v3('input int[8] x_0;'), 3, 7, /input variables of type 'int' are not supported/, 'QASM_UNSUPPORTED'],
  ['input-dependent global phase', v3('input float[64] x_0;\ngphase(x_0);'), 4, 1, /global phase that depends on inputs/, 'QASM_UNSUPPORTED'],
  ['physical qubit', v3('h $0;'), 3, 3, /physical qubits \('\$n'\) are not supported/, 'QASM_SYNTAX'],
  ['index set', v3('qubit[3] q;\nh q[{0, 2}];'), 4, 5, /index sets \(\{\.\.\.\}\) are not supported/, 'QASM_UNSUPPORTED'],
  ['negative index out of range', v3('qubit[3] q;\nh q[-4];'), 4, 5, /qubit index -4 is out of range for register 'q' of size 3/, 'QASM_RANGE'],
  ['range step zero', v3('qubit[3] q;\nh q[0:0:2];'), 4, 7, /a range step cannot be 0/, 'QASM_RANGE'],
];

describe.each([
  ['malformed programs', MALFORMED],
  ['gates', GATES],
  ['registers and arguments', REGISTERS],
  ['values and conditions', VALUES],
  ['includes', INCLUDES],
  ['unsupported OpenQASM 3', UNSUPPORTED_V3],
] as const)('bad input: %s', (_group, cases) => {
  it.each(cases)('%s', (_description, run, line, column, message, code) => {
    expectParseError(run, line, column, message, code);
  });
});

describe('error locations', () => {
  it('name the file when one is given', () => {
    const pe = expectParseError(() => parseQasm('OPENQASM 2.0;\nqreg q[1];\nbogus q[0];', { file: 'prog.qasm' }), 3, 1, /^prog\.qasm:3:1: unknown gate 'bogus'/);
    expect(pe.location.file).toBe('prog.qasm');
    expect(pe.exitCode).toBe(1);
  });

  it('name the included file for errors inside it', () => {
    const pe = expectParseError(
      () => parseQasm(`${HEAD2}include "lib.inc";`, { file: 'main.qasm', includeResolver: () => 'gate g a {\n  nope a;\n}' }),
      2,
      3,
      /^lib\.inc:2:3: unknown gate 'nope'/,
    );
    expect(pe.location.file).toBe('lib.inc');
  });

  it('count columns after tabs and multi-line comments', () => {
    expectParseError(v2('qreg q[1];\n/* a\n   b */\th q[5];'), 5, 13, /qubit index 5 is out of range/);
  });

  it('every error is a ParseError, never a crash, for truncated programs', () => {
    const text = `${HEAD2}gate g(a, b) x, y { rz(a*b) x; cx x, y; }\nqreg q[2];\ncreg c[2];\ng(0.1, -pi/2) q[0], q[1];\nif(c==1) measure q -> c;\n`;
    for (let cut = 0; cut < text.length; cut++) {
      try {
        parseQasm(text.slice(0, cut));
      } catch (e) {
        expect(e, `cut at ${cut}`).toBeInstanceOf(ParseError);
      }
    }
  });

  it('parseQasm3 accepts a program without header but parseQasm2 does not', () => {
    expect(parseQasm3('qubit q;\nU(0, 0, 0) q;').size).toBe(1);
    expect(() => parseQasm2('qreg q[1];')).toThrow(ParseError);
  });

  it('parseQasm infers the version of a header-less program from a first statement only one version has', () => {
    const v2 = parseQasm('include "qelib1.inc";\nqreg a[2];\ncreg c[2];\ncu1(pi/2) a[0], a[1];\nmeasure a -> c;');
    expect([v2.numQubits, v2.numClbits, v2.ops[0]?.kind === 'gate' && v2.ops[0].name]).toEqual([2, 2, 'cu1']);
    expect(parseQasm('qreg q[1];\nU(0, 0, pi) q[0];').numQubits).toBe(1);
    expect(parseQasm('include "stdgates.inc";\nqubit[2] q;\ncx q[0], q[1];').numQubits).toBe(2);
    expect(parseQasm('qubit q;\nU(0, 0, pi) q;').numQubits).toBe(1);
    // A version-2 program without header still gets version-2 rules: no OpenQASM 3 syntax.
    expect(() => parseQasm('qreg q[1];\nqubit r;')).toThrow(ParseError);
    // Nothing to go by: the header is asked for.
    expect(() => parseQasm('gate g a { x a; }')).toThrow(/expected an 'OPENQASM 2\.0;' or 'OPENQASM 3\.0;' header/);
  });
});
