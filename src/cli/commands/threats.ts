/**
 * `qmlsec threats` — the QML kill chain from the command line:
 *
 * - `threats matrix` prints the knowledge base (Markdown, JSON, ATLAS-format YAML, STIX 2.1,
 *   or a Navigator layer);
 * - `threats analyze DEPLOYMENT.yaml` finds and ranks attack paths and the minimal mitigations;
 * - `threats show ID` explains one technique, tactic, mitigation (or ATLAS entry with --atlas).
 */
import type { Command } from 'commander';
import { NotFoundError, UsageError } from '../../core/errors.js';
import { loadDeployment } from '../../deploy/load.js';
import { listDevices } from '../../devices/index.js';
import { loadLedger } from '../../deploy/ledger.js';
import { analyzeDeployment, toAnalysisJson, type ThreatAnalysis } from '../../threat/analyze.js';
import { loadAtlasFile, mergeAtlas } from '../../threat/interop/atlas-import.js';
import { toAtlasData, toAtlasYaml } from '../../threat/interop/atlas-export.js';
import { analysisLayer, matrixLayer } from '../../threat/interop/navigator.js';
import { toStixBundle } from '../../threat/interop/stix.js';
import { builtinKnowledgeBase } from '../../threat/kb/index.js';
import { findEntry, type KnowledgeBase } from '../../threat/knowledge-base.js';
import { OBJECTIVE_IDS, PROFILE_IDS, type ObjectiveId, type ProfileId } from '../../threat/model.js';
import { analysisToDot, analysisToMermaid } from '../../threat/render/graphs.js';
import { analysisMarkdown, entryMarkdown, matrixMarkdown } from '../../threat/render/markdown.js';
import { parseChoice, parseIntOption, printJson } from '../output.js';

const MATRIX_FORMATS = ['md', 'json', 'atlas-yaml', 'atlas-json', 'stix', 'navigator'] as const;
const ANALYZE_FORMATS = ['md', 'json', 'dot', 'mermaid', 'navigator'] as const;
const SHOW_FORMATS = ['md', 'json'] as const;
const ID_SPACES = ['qml', 'atlas'] as const;

function write(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

function knowledgeBase(atlasFile: string | undefined): KnowledgeBase {
  const kb = builtinKnowledgeBase();
  if (atlasFile === undefined) return kb;
  const merged = mergeAtlas(kb, loadAtlasFile(atlasFile));
  for (const m of merged.report.missingAnalogues) process.stderr.write(`qmlsec: warning: ${m.technique} cites ATLAS ${m.atlas}, which ${atlasFile} does not contain\n`);
  for (const m of merged.report.mitigationMismatches) process.stderr.write(`qmlsec: warning: ${m.id} is "${m.ours}" here but "${m.atlas ?? 'absent'}" in ${atlasFile}\n`);
  return merged.kb;
}

function kbJson(kb: KnowledgeBase): Record<string, unknown> {
  return {
    version: kb.version,
    released: kb.released,
    tactics: kb.tactics,
    techniques: kb.techniques,
    mitigations: kb.mitigations,
    objectives: kb.objectives,
    profiles: kb.profiles,
    references: [...kb.references.values()],
    tokens: [...kb.tokens.values()],
  };
}

function printAnalysis(kb: KnowledgeBase, analysis: ThreatAnalysis, format: (typeof ANALYZE_FORMATS)[number], idSpace: 'qml' | 'atlas', single: boolean): void {
  switch (format) {
    case 'json': {
      const items = analysis.attackers.map(toAnalysisJson);
      printJson(single ? items[0] : items);
      return;
    }
    case 'dot':
      write(analysisToDot(analysis));
      return;
    case 'mermaid':
      write(analysisToMermaid(analysis));
      return;
    case 'navigator':
      printJson(analysisLayer(kb, analysis, idSpace));
      return;
    case 'md':
      write(analysisMarkdown(analysis));
  }
}

function suggestions(kb: KnowledgeBase, id: string): string {
  const upper = id.trim().toUpperCase();
  if (/^AML\.T\d{4}/.test(upper)) {
    const ours = kb.techniques.filter((t) => t.atlas.some((a) => a === upper || a.startsWith(`${upper}.`)));
    const mapped = ours.length > 0 ? `QML techniques with ATLAS analogue ${upper}: ${ours.map((t) => t.id).join(', ')}` : `no QML technique has ATLAS analogue ${upper}`;
    return kb.atlas ? mapped : `${mapped}; to show ATLAS's own entry pass --atlas ATLAS.yaml`;
  }
  const all = [...kb.techniques.map((t) => t.id), ...kb.tactics.map((t) => t.id), ...kb.mitigations.map((m) => m.id)];
  const prefix = upper.replace(/\d+$/, '');
  const near = prefix.length > 0 ? all.filter((x) => x.startsWith(prefix)).slice(0, 8) : [];
  return near.length > 0 ? `similar IDs: ${near.join(', ')}, …` : 'IDs look like QML.T0001, AML.TA0002, AML.M0004, QML.M0001 (see `qmlsec threats matrix`)';
}

/** Registers `qmlsec threats` and its subcommands. */
export function registerThreats(program: Command): void {
  const threats = program
    .command('threats')
    .description('QML kill chain: knowledge base, attack-path analysis, ATLAS/STIX/Navigator export');

  threats
    .command('matrix')
    .description('print the QML kill-chain matrix (techniques by ATLAS tactic, mitigations)')
    .option('--format <format>', `output format: ${MATRIX_FORMATS.join(', ')}`, parseChoice('--format', MATRIX_FORMATS), 'md')
    .option('--id-space <space>', 'navigator only: qml (our IDs) or atlas (ATLAS analogues)', parseChoice('--id-space', ID_SPACES), 'qml')
    .option('--atlas <file>', 'merge an ATLAS.yaml data file (reports where it disagrees)')
    .action((opts: { format: (typeof MATRIX_FORMATS)[number]; idSpace: 'qml' | 'atlas'; atlas?: string }) => {
      const kb = knowledgeBase(opts.atlas);
      switch (opts.format) {
        case 'md':
          write(matrixMarkdown(kb));
          break;
        case 'json':
          printJson(kbJson(kb));
          break;
        case 'atlas-yaml':
          write(toAtlasYaml(kb));
          break;
        case 'atlas-json':
          printJson(toAtlasData(kb));
          break;
        case 'stix':
          printJson(toStixBundle(kb));
          break;
        case 'navigator':
          printJson(matrixLayer(kb, opts.idSpace));
          break;
      }
    });

  threats
    .command('analyze')
    .description('find and rank the attack paths a deployment allows, and the fewest mitigations that cut them')
    .argument('<deployment>', 'deployment YAML file')
    .option('--attacker <profile>', `attacker profile: ${PROFILE_IDS.join(', ')} (default: all; JSON is then an array)`, parseChoice('--attacker', PROFILE_IDS))
    .option('--objective <objective>', `objective (repeatable; none = all): ${OBJECTIVE_IDS.join(', ')}`, (v: string, prev: ObjectiveId[]) => [...prev, parseChoice('--objective', OBJECTIVE_IDS)(v)], [] as ObjectiveId[])
    .option('--format <format>', `output format: ${ANALYZE_FORMATS.join(', ')}`, parseChoice('--format', ANALYZE_FORMATS), 'md')
    .option('--ledger <file>', 'recorded exposure ledger (JSON, YAML or JSON Lines) to use instead of the derived one')
    .option('--max-paths <n>', 'paths reported per objective', parseIntOption('--max-paths', 1, 100), 8)
    .option('--mitigate <id>', 'assume an extra mitigation is on (repeatable)', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--id-space <space>', 'navigator only: qml or atlas', parseChoice('--id-space', ID_SPACES), 'qml')
    .action(
      (
        file: string,
        opts: { attacker?: ProfileId; objective: ObjectiveId[]; format: (typeof ANALYZE_FORMATS)[number]; ledger?: string; maxPaths: number; mitigate: string[]; idSpace: 'qml' | 'atlas' },
      ) => {
        const kb = builtinKnowledgeBase();
        const known = new Set(kb.mitigations.map((m) => m.id));
        for (const id of opts.mitigate) {
          if (!known.has(id)) throw new UsageError(`--mitigate: unknown mitigation "${id}" (see \`qmlsec threats matrix\`)`);
        }
        const deployment = loadDeployment({ file }, { knownMitigations: known, knownDevices: new Set(listDevices().map((d) => d.id)) });
        const ledger = opts.ledger !== undefined ? loadLedger({ file: opts.ledger }) : undefined;
        const analysis = analyzeDeployment(kb, deployment, {
          ...(opts.attacker !== undefined ? { attackers: [opts.attacker] } : {}),
          ...(opts.objective.length > 0 ? { objectives: [...new Set(opts.objective)] } : {}),
          ...(ledger !== undefined ? { ledger, ledgerFile: opts.ledger } : {}),
          maxPaths: opts.maxPaths,
          extraMitigations: opts.mitigate,
        });
        printAnalysis(kb, analysis, opts.format, opts.idSpace, opts.attacker !== undefined);
      },
    );

  threats
    .command('show')
    .description('explain a technique, tactic, mitigation, objective or attacker profile, with references')
    .argument('<id>', 'e.g. QML.T0012, AML.TA0009, QML.M0005, AML.M0004, steal-model-ip, co-tenant')
    .option('--atlas <file>', 'merge an ATLAS.yaml file so ATLAS technique/mitigation IDs can be shown too')
    .option('--format <format>', `output format: ${SHOW_FORMATS.join(', ')}`, parseChoice('--format', SHOW_FORMATS), 'md')
    .action((id: string, opts: { atlas?: string; format: (typeof SHOW_FORMATS)[number] }) => {
      const kb = knowledgeBase(opts.atlas);
      const entry = findEntry(kb, id);
      if (!entry) throw new NotFoundError(`no technique, tactic, mitigation, objective or profile "${id}"; ${suggestions(kb, id)}`);
      if (opts.format === 'json') {
        const refs = entry.kind === 'technique' || entry.kind === 'mitigation' ? entry.value.references.map((k) => kb.references.get(k)).filter((r) => r !== undefined) : [];
        printJson({ kind: entry.kind, ...entry.value, ...(refs.length > 0 ? { referenceDetails: refs } : {}) });
      } else write(entryMarkdown(kb, entry));
    });
}
