/**
 * The seam between the service and the QML code: the service stores, queues, serves and
 * audits models without knowing how they are built. The real implementation lives in
 * `qml/runtime.ts` (`modelRuntime`); any module exporting a {@link ModelRuntime} as
 * `modelRuntime` can stand in (see {@link loadRuntimeModule} and `QMLSEC_RUNTIME_MODULE`).
 */

/** One answer of a prediction. */
export interface Prediction {
  readonly label: string;
  /** One probability per class, in the order of {@link ServedModel.classes}. */
  readonly probabilities: number[];
}

/** A loaded, ready-to-serve model. */
export interface ServedModel {
  readonly numFeatures: number;
  readonly classes: readonly string[];
  /** Predicts a batch; inputs are already validated as finite numbers of the right width. */
  predict(inputs: readonly (readonly number[])[]): Promise<Prediction[]> | Prediction[];
}

/** A parsed and verified artifact. */
export interface LoadedArtifact {
  /** `sha256:<hex>` over the canonical JSON of the artifact without its checksum field. */
  readonly checksum: string;
  readonly name: string;
  readonly model: ServedModel;
  readonly metadata: Record<string, unknown>;
}

/** What a training run may do besides computing. */
export interface TrainContext {
  readonly jobId: string;
  /** Reports progress in 0..1. */
  onProgress(progress: number): void;
  /** The checkpoint saved by an interrupted earlier attempt; resume from it when present. */
  readonly checkpoint?: unknown;
  /** Durably saves a checkpoint (JSON-serialisable); resolves once stored. */
  saveCheckpoint(checkpoint: unknown): Promise<void>;
}

/**
 * What the service passes to {@link ModelRuntime.train}: the body of `POST /v1/models`
 * without its `name`, i.e. exactly one of `{ spec }` (a model spec) or `{ deployment }`
 * (a deployment description), both as parsed JSON.
 */
export type TrainRequest = { readonly spec: unknown } | { readonly deployment: unknown };

/** Builds and loads models. */
export interface ModelRuntime {
  /** Parses and verifies an artifact (JSON text or value); throws InputError when bad or tampered. */
  loadArtifact(artifact: unknown): LoadedArtifact;
  /**
   * Trains a model from a {@link TrainRequest} and returns its artifact (JSON text or value).
   * Must resume from `ctx.checkpoint` when given. Throws InputError for a bad request.
   */
  train(request: unknown, ctx: TrainContext): Promise<unknown>;
}

/** Type guard: does `value` have the shape of a {@link ModelRuntime}? */
export function isModelRuntime(value: unknown): value is ModelRuntime {
  const v = value as Partial<ModelRuntime> | null;
  return typeof v === 'object' && v !== null && typeof v.loadArtifact === 'function' && typeof v.train === 'function';
}
