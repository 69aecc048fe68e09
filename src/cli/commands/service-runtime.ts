/**
 * The one place where the CLI picks the model runtime for `serve`, `worker` and
 * `models import`: the cloud room's `modelRuntime` (src/cloud/runtime.ts), unless the
 * QMLSEC_RUNTIME_MODULE environment variable names another module (a path or file: URL)
 * exporting `modelRuntime` — the documented extension point.
 */
import { InputError } from '../../core/errors.js';
import { loadRuntimeModule, toModuleUrl, type RuntimeSource } from '../../service/index.js';

/** The cloud room's runtime module (trains specs and deployments), next to this file once built. */
export const DEFAULT_RUNTIME_MODULE = new URL('../../cloud/runtime.js', import.meta.url).href;

/** Loads the runtime the CLI serves with. */
export async function loadServiceRuntime(env: NodeJS.ProcessEnv = process.env): Promise<RuntimeSource> {
  const override = env['QMLSEC_RUNTIME_MODULE'];
  try {
    return await loadRuntimeModule(override ? toModuleUrl(override) : DEFAULT_RUNTIME_MODULE);
  } catch (err) {
    if (override) throw err;
    throw new InputError(`the QML model runtime could not be loaded (${(err as Error).message}); set QMLSEC_RUNTIME_MODULE to a module exporting \`modelRuntime\``, 'RUNTIME_MODULE');
  }
}
