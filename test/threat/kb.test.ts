import { describe, expect, it } from 'vitest';
import { ParseError, ValidationError } from '../../src/core/errors.js';
import { CONTEXT_TOKENS } from '../../src/threat/context.js';
import { builtinKnowledgeBase, builtinKnowledgeBaseData } from '../../src/threat/kb/index.js';
import { buildKnowledgeBase, findEntry, parseKnowledgeBase } from '../../src/threat/knowledge-base.js';
import type { Technique } from '../../src/threat/model.js';

const kb = builtinKnowledgeBase();

function validationError(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ValidationError) return err;
    throw err;
  }
  throw new Error('expected a ValidationError');
}

describe('built-in knowledge base', () => {
  it('has the 16 ATLAS tactics in matrix order', () => {
    expect(kb.tactics).toHaveLength(16);
    expect(kb.tactics[0]?.id).toBe('AML.TA0002');
    expect(kb.tactics.at(-1)?.id).toBe('AML.TA0011');
    const names = kb.tactics.map((t) => t.name);
    expect(names).toContain('AI Model Access');
    expect(names).toContain('AI Attack Staging');
    expect(names.indexOf('AI Model Access')).toBe(3);
    expect(names.indexOf('AI Attack Staging')).toBe(12);
  });

  it('has at least 36 techniques and 20 mitigations, each fully described', () => {
    expect(kb.techniques.length).toBeGreaterThanOrEqual(36);
    expect(kb.mitigations.length).toBeGreaterThanOrEqual(20);
    for (const t of kb.techniques) {
      expect(t.id).toMatch(/^QML\.T\d{4}$/);
      expect(t.references.length).toBeGreaterThan(0);
      expect(t.effects.length).toBeGreaterThan(0);
      if (t.labAttack !== undefined) expect(t.labAttack).toMatch(/^s[0-9]+-[a-z0-9-]+$/); // a lab scenario id (test/lab checks it is registered)
    }
    for (const m of kb.mitigations) expect(m.blocks.length + m.hinders.length).toBeGreaterThan(0);
    expect(kb.mitigations.filter((m) => m.id.startsWith('AML.')).length).toBeGreaterThanOrEqual(10);
  });

  it('uses every tactic and every reference', () => {
    for (const tactic of kb.tactics) expect(kb.techniques.some((t) => t.tactics.includes(tactic.id)), tactic.name).toBe(true);
    const cited = new Set([...kb.techniques.flatMap((t) => t.references), ...kb.mitigations.flatMap((m) => m.references)]);
    for (const key of kb.references.keys()) expect(cited.has(key), key).toBe(true);
  });

  it('declares every token the deployment context can produce', () => {
    for (const t of CONTEXT_TOKENS) expect(kb.tokens.has(t), t).toBe(true);
  });

  it('covers every threat of the SoK (section 5) and the kill-chain paper', () => {
    // [threat as named in the sources, technique, a word its name must contain, a property it must have]
    const has = (id: string) => kb.techniqueById.get(id) as Technique;
    const coverage: [string, string, RegExp, (t: Technique) => boolean][] = [
      ['raw-data theft by the classical cloud', 'QML.T0030', /raw data/i, (t) => t.positions.includes('classical-cloud-insider')],
      ['label inference by the classical cloud', 'QML.T0028', /labels/i, (t) => t.positions.includes('classical-cloud-insider')],
      ['encoding-circuit and PQC (IP) theft by the quantum cloud', 'QML.T0025', /encoding circuit and PQC/i, (t) => t.positions.includes('quantum-cloud-insider')],
      ['selling the stolen architecture', 'QML.T0046', /encoding circuit and PQC/i, (t) => t.effects.includes('obj:model-ip-stolen')],
      ['trained-model theft by the quantum cloud', 'QML.T0045', /trained model/i, (t) => t.positions.includes('quantum-cloud-insider')],
      ['white-box access by the quantum cloud', 'QML.T0012', /white-box/i, (t) => t.atlas.includes('AML.T0044')],
      ['power side channels on control pulses', 'QML.T0035', /power traces/i, (t) => t.layer === 'physical'],
      ['reconstructing circuits from control pulses', 'QML.T0036', /control-pulse/i, (t) => t.layer === 'physical'],
      ['horizontal leakage through faulty reset', 'QML.T0032', /reset/i, (t) => t.positions.includes('co-tenant')],
      ['vertical leakage through crosstalk', 'QML.T0033', /crosstalk/i, (t) => t.positions.includes('co-tenant')],
      ['model stealing through queries', 'QML.T0047', /clone through the inference API/i, (t) => t.atlas.includes('AML.T0024.002')],
      ['model inversion through queries', 'QML.T0049', /invert/i, (t) => t.atlas.includes('AML.T0024.001')],
      ['data poisoning', 'QML.T0015', /poison/i, (t) => t.layer === 'data'],
      ['poisoned datasets from suppliers', 'QML.T0009', /poisoned data/i, (t) => t.positions.includes('data-supplier')],
      ['adversarial examples', 'QML.T0050', /adversarial/i, (t) => t.effects.includes('obj:targeted-misclassification')],
      ['tampering with circuit architecture or parameters', 'QML.T0054', /tamper with circuits/i, (t) => t.impact.integrity === 'high'],
      ['tampering with measurement outputs', 'QML.T0055', /measurement outputs/i, (t) => t.impact.integrity === 'high'],
      ['crosstalk fault injection by a co-tenant', 'QML.T0053', /crosstalk faults/i, (t) => t.positions.includes('co-tenant')],
      ['attacks on the QPU and controller (pulses, registers)', 'QML.T0068', /control stack/i, (t) => t.layer === 'physical'],
      ['attacks on the classical co-processor (registers)', 'QML.T0069', /co-processor/i, (t) => t.impact.integrity === 'high'],
      ['allocation to lower-quality hardware', 'QML.T0057', /lower-quality/i, (t) => t.effects.includes('obj:integrity-degraded')],
      ['DoS on classical resources', 'QML.T0062', /deny classical/i, (t) => t.impact.availability === 'high'],
      ['DoS on quantum resources', 'QML.T0060', /deny QPU/i, (t) => t.impact.availability === 'high'],
      ['ransomware', 'QML.T0063', /ransom/i, (t) => t.effects.includes('obj:service-denied')],
      ['withholding results', 'QML.T0059', /withhold/i, (t) => t.effects.includes('obj:service-denied')],
      ['latency through rerouting', 'QML.T0058', /reroute/i, (t) => t.effects.includes('obj:service-denied')],
      ['artificial demand and queue flooding', 'QML.T0061', /flood the QPU queue/i, (t) => t.positions.includes('co-tenant')],
      ['circuit backdoors', 'QML.T0017', /backdoor/i, (t) => t.tactics.includes('AML.TA0006')],
      ['training-data inference from circuits', 'QML.T0027', /state-preparation/i, (t) => t.layer === 'data'],
      ['fingerprinting devices', 'QML.T0003', /fingerprint/i, (t) => t.tactics.includes('AML.TA0002')],
      ['harvesting calibration data', 'QML.T0002', /calibration/i, (t) => t.tactics.includes('AML.TA0002')],
      ['Trojans in transpilers (persistence)', 'QML.T0008', /transpiler/i, (t) => t.tactics.includes('AML.TA0006')],
      ['poisoned training data (persistence)', 'QML.T0015', /poison/i, (t) => t.tactics.includes('AML.TA0006')],
      ['exfiltration of models', 'QML.T0045', /exfiltrate/i, (t) => t.tactics.includes('AML.TA0010')],
      ['exfiltration of data', 'QML.T0048', /exfiltrate/i, (t) => t.tactics.includes('AML.TA0010')],
    ];
    for (const [threat, id, word, property] of coverage) {
      const t = has(id);
      expect(t, threat).toBeDefined();
      expect(t.name, threat).toMatch(word);
      expect(property(t), threat).toBe(true);
    }
  });

  it('cites the primary literature with well-formed identifiers', () => {
    const byArxiv = new Map([...kb.references.values()].filter((r) => r.arxiv).map((r) => [r.arxiv, r]));
    for (const id of ['2408.09562', '2507.08623', '2403.10790', '2404.16154', '2001.00030', '2407.14687', '2502.01486', '2408.11203']) {
      expect(byArxiv.has(id), id).toBe(true);
    }
    for (const r of kb.references.values()) {
      if (r.arxiv) expect(r.arxiv).toMatch(/^\d{4}\.\d{4,5}$/);
      if (r.doi) expect(r.doi).toMatch(/^10\.\d{4,}\//);
    }
  });

  it('finds entries by any kind of ID', () => {
    expect(findEntry(kb, 'qml.t0012')?.kind).toBe('technique');
    expect(findEntry(kb, 'AML.TA0009')?.kind).toBe('tactic');
    expect(findEntry(kb, 'collection')?.kind).toBe('tactic');
    expect(findEntry(kb, 'AML.M0004')?.kind).toBe('mitigation');
    expect(findEntry(kb, 'steal-model-ip')?.kind).toBe('objective');
    expect(findEntry(kb, 'co-tenant')?.kind).toBe('profile');
    expect(findEntry(kb, 'QML.T9999')).toBeUndefined();
  });
});

describe('knowledge-base validation', () => {
  it('names a technique that references an unknown tactic', () => {
    const data = builtinKnowledgeBaseData();
    (data.techniques[4] as { tactics: string[] }).tactics = ['AML.TA0002', 'AML.TA0099'];
    const err = validationError(() => buildKnowledgeBase(data));
    expect(err.issues[0]?.path).toEqual(['techniques', 4, 'tactics', 1]);
    expect(err.message).toContain('unknown tactic "AML.TA0099"');
  });

  it('names an unknown token inside an alternative clause', () => {
    const data = builtinKnowledgeBaseData();
    (data.techniques[11] as { prerequisites: unknown[] }).prerequisites = [['has:encoding-circuit', 'has:secret-sauce']];
    const err = validationError(() => buildKnowledgeBase(data));
    expect(err.issues[0]?.path).toEqual(['techniques', 11, 'prerequisites', 0, 1]);
    expect(err.message).toContain('unknown token "has:secret-sauce"');
  });

  it('rejects malformed tokens, unknown fields and dangling mitigation targets', () => {
    const data = builtinKnowledgeBaseData();
    (data.techniques[0] as { effects: string[] }).effects = ['NotAToken'];
    (data.techniques[1] as Record<string, unknown>).colour = 'red';
    const err = validationError(() => buildKnowledgeBase(data));
    const paths = err.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['techniques.0.effects.0', 'techniques.1']));
    const data2 = builtinKnowledgeBaseData();
    (data2.mitigations[0] as { blocks: string[] }).blocks = ['QML.T0999'];
    const err2 = validationError(() => buildKnowledgeBase(data2));
    expect(err2.issues[0]?.path).toEqual(['mitigations', 0, 'blocks', 0]);
  });

  it('parses a YAML knowledge base and reports syntax errors with positions', () => {
    expect(() => parseKnowledgeBase('version: 1\ntechniques: [\n  - x\n', 'kb.yaml')).toThrow(ParseError);
    const err = validationError(() => parseKnowledgeBase('version: "1"\nreleased: 2025-01-01\n', 'kb.yaml'));
    expect(err.message).toContain('knowledge base kb.yaml');
  });
});
