/**
 * Loads a {@link ModelRuntime} from a module. This is an extension point: `qmlsec serve`
 * and `qmlsec worker` load `modelRuntime` from the QML room by default, or from the module
 * named by the `QMLSEC_RUNTIME_MODULE` environment variable (a path or file: URL) — e.g. a
 * runtime for another QML framework, or the slow test runtime that the kill -9 tests use.
 * A module path (rather than an object) is what lets training run in a worker thread.
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../core/errors.js';
import { isModelRuntime, type ModelRuntime } from './model-runtime.js';

/** The export name a runtime module must provide. */
export const RUNTIME_EXPORT = 'modelRuntime';

/** A runtime and the module it came from (so a worker thread can load it too). */
export interface RuntimeSource {
  readonly runtime: ModelRuntime;
  /** `file:` URL of the module. */
  readonly moduleUrl: string;
}

/** Turns a path (relative to the working directory) or a `file:` URL into a `file:` URL. */
export function toModuleUrl(specifier: string): string {
  if (specifier.startsWith('file:')) return specifier;
  return pathToFileURL(isAbsolute(specifier) ? specifier : resolve(specifier)).href;
}

/** Imports `moduleUrl` and returns its `modelRuntime` export, or throws an InputError saying what is missing. */
export async function loadRuntimeModule(moduleUrl: string): Promise<RuntimeSource> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(moduleUrl)) as Record<string, unknown>;
  } catch (err) {
    throw new InputError(`cannot load the model runtime module ${moduleUrl}: ${(err as Error).message}`, 'RUNTIME_MODULE');
  }
  const runtime = mod[RUNTIME_EXPORT];
  if (!isModelRuntime(runtime)) {
    throw new InputError(
      `the module ${moduleUrl} does not export \`${RUNTIME_EXPORT}\` with loadArtifact() and train() (exports: ${Object.keys(mod).join(', ') || 'none'})`,
      'RUNTIME_MODULE',
    );
  }
  return { runtime, moduleUrl };
}
