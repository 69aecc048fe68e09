/**
 * `qmlsec models import|list`: register artifacts trained by `qmlsec train` and list the
 * served models. JSON contracts (`--format json`): import prints `{ id, name, version,
 * checksum }`; list prints `[{ id, name, version, checksum, source, created_at }]`.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import { parseChoice, printJson, printLine } from '../output.js';
import { loadServiceRuntime } from './service-runtime.js';
import { dataDirOption, withStore } from './store-location.js';

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** Registers `models import` and `models list`. */
export function registerModels(program: Command): void {
  const models = program.command('models').description('models served by `qmlsec serve`');

  const importCmd = models
    .command('import')
    .description('verify a model artifact (its checksum) and register it as a new model, or a new version of the model with the same name')
    .argument('<file>', 'artifact JSON written by `qmlsec train`')
    .option('--name <name>', 'model name (default: the name inside the artifact)')
    .option('--format <format>', `output format: ${FORMATS.join(' or ')}`, parseChoice('--format', FORMATS), 'text');
  dataDirOption(importCmd).action(async (file: string, options: { name?: string; format: Format; dataDir: string }) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new InputError(`cannot read ${file}: ${(err as Error).message}`);
    }
    const { runtime } = await loadServiceRuntime();
    const loaded = runtime.loadArtifact(text);
    const version = await withStore(options, (store) =>
      store.models.register({ name: options.name ?? loaded.name, checksum: loaded.checksum, artifact: text, metadata: loaded.metadata, source: 'import' }),
    );
    const out = { id: version.modelId, name: version.name, version: version.version, checksum: version.checksum };
    if (options.format === 'json') printJson(out);
    else printLine(`imported ${file} as model ${out.id} "${out.name}" version ${out.version} (${out.checksum})`);
  });

  const list = models
    .command('list')
    .description('list models (latest version of each)')
    .option('--format <format>', `output format: ${FORMATS.join(' or ')}`, parseChoice('--format', FORMATS), 'text');
  dataDirOption(list).action(async (options: { format: Format; dataDir: string }) => {
    const rows = await withStore(options, (store) => store.models.list());
    const out = rows.map((m) => ({ id: m.modelId, name: m.name, version: m.version, checksum: m.checksum, source: m.source, created_at: m.createdAt }));
    if (options.format === 'json') {
      printJson(out);
      return;
    }
    if (out.length === 0) {
      printLine('no models (import one with `qmlsec models import model.json`)');
      return;
    }
    for (const m of out) printLine(`${m.id}  ${m.name}  v${m.version}  ${m.checksum.slice(0, 19)}…  ${m.source}  ${m.created_at}`);
  });
}
