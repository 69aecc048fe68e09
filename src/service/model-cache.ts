/**
 * Models kept loaded in memory. The first request for a model loads its latest version from
 * the store and verifies it (the runtime checks the artifact checksum); afterwards requests
 * cost a map lookup, with a cheap "latest version?" check every `recheckMs` so a version
 * registered by another process is picked up.
 */
import type { ModelsRepository } from '../store/index.js';
import type { ModelRuntime, ServedModel } from './model-runtime.js';
import { HttpProblem } from './problem.js';

/** A model ready to answer. */
export interface LoadedModel {
  readonly modelId: string;
  readonly name: string;
  readonly version: number;
  readonly checksum: string;
  readonly model: ServedModel;
}

interface Entry {
  loaded: LoadedModel;
  checkedMs: number;
}

/** Caches loaded models by id. */
export class ModelCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<LoadedModel>>();

  constructor(
    private readonly models: Pick<ModelsRepository, 'find' | 'latestVersion'>,
    private readonly runtime: Pick<ModelRuntime, 'loadArtifact'>,
    private readonly recheckMs: number,
  ) {}

  /** The loaded latest version of `modelId`; 404 problem when there is no such model. */
  async get(modelId: string): Promise<LoadedModel> {
    const entry = this.entries.get(modelId);
    const now = performance.now();
    if (entry && now - entry.checkedMs < this.recheckMs) return entry.loaded;
    const pending = this.loading.get(modelId);
    if (pending) return pending;
    const load = this.refresh(modelId, entry).finally(() => this.loading.delete(modelId));
    this.loading.set(modelId, load);
    return load;
  }

  private async refresh(modelId: string, entry: Entry | undefined): Promise<LoadedModel> {
    if (entry) {
      const latest = await this.models.latestVersion(modelId);
      if (latest === entry.loaded.version) {
        entry.checkedMs = performance.now();
        return entry.loaded;
      }
    }
    const record = await this.models.find(modelId);
    if (!record) {
      this.entries.delete(modelId);
      throw new HttpProblem(404, 'model-not-found', `no model with id "${modelId}" (GET /v1/models lists them)`);
    }
    let artifact;
    try {
      artifact = this.runtime.loadArtifact(record.artifact);
    } catch (err) {
      // The store held it as verified: failing now means it was altered at rest.
      throw new Error(`stored artifact of model ${modelId} v${record.version} failed verification: ${(err as Error).message}`, { cause: err });
    }
    const loaded: LoadedModel = { modelId, name: record.name, version: record.version, checksum: artifact.checksum, model: artifact.model };
    this.entries.set(modelId, { loaded, checkedMs: performance.now() });
    return loaded;
  }

  /** Drops a model so the next request reloads it. */
  invalidate(modelId: string): void {
    this.entries.delete(modelId);
  }
}
