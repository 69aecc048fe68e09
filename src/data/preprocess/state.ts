/**
 * The serialised form of every transformer (what `toJSON()` returns and model artifacts embed),
 * as zod schemas. Besides types and ranges the schemas check what the numbers must satisfy
 * together — vector lengths match `nFeaturesIn`, `dataMax ≥ dataMin`, PCA components are
 * orthonormal, a pipeline's steps chain — so a damaged or tampered state is rejected with the
 * path of the offending field.
 */
import { z } from 'zod';

const count = z.number().int().min(1);
const vector = z.array(z.number());
const nonNegativeVector = z.array(z.number().min(0));
const nComponentsParam = z
  .number()
  .positive()
  .refine((v) => Number.isInteger(v) || v < 1, 'must be a whole number of components ≥ 1 or a variance fraction in (0, 1)')
  .nullable()
  .default(null);

type Ctx = z.core.$RefinementCtx<unknown>;
type Path = (string | number)[];

function issue(ctx: Ctx, path: Path, message: string): void {
  ctx.addIssue({ code: 'custom', path, message });
}

function expectLength(ctx: Ctx, value: readonly unknown[], length: number, path: Path, what: string): boolean {
  if (value.length === length) return true;
  issue(ctx, path, `has ${value.length} entries, expected ${length} (${what})`);
  return false;
}

/** StandardScaler: mean and population variance per feature. */
export const standardScalerStateSchema = z
  .strictObject({
    kind: z.literal('standard-scaler'),
    version: z.literal(1).default(1),
    params: z.strictObject({ withMean: z.boolean().default(true), withStd: z.boolean().default(true) }).default({ withMean: true, withStd: true }),
    fitted: z.strictObject({ nFeaturesIn: count, nSamplesSeen: count, mean: vector, variance: nonNegativeVector }).optional(),
  })
  .superRefine((s, ctx) => {
    if (!s.fitted) return;
    expectLength(ctx, s.fitted.mean, s.fitted.nFeaturesIn, ['fitted', 'mean'], 'nFeaturesIn');
    expectLength(ctx, s.fitted.variance, s.fitted.nFeaturesIn, ['fitted', 'variance'], 'nFeaturesIn');
  });

/** MinMaxScaler: the target range and each feature's observed minimum and maximum. */
export const minMaxScalerStateSchema = z
  .strictObject({
    kind: z.literal('min-max-scaler'),
    version: z.literal(1).default(1),
    params: z
      .strictObject({ featureRange: z.tuple([z.number(), z.number()]).default([0, 1]), clip: z.boolean().default(false) })
      .default({ featureRange: [0, 1], clip: false }),
    fitted: z.strictObject({ nFeaturesIn: count, nSamplesSeen: count, dataMin: vector, dataMax: vector }).optional(),
  })
  .superRefine((s, ctx) => {
    const [lo, hi] = s.params.featureRange;
    if (!(lo < hi)) issue(ctx, ['params', 'featureRange'], `minimum ${lo} must be below maximum ${hi}`);
    if (!s.fitted) return;
    const f = s.fitted;
    const okMin = expectLength(ctx, f.dataMin, f.nFeaturesIn, ['fitted', 'dataMin'], 'nFeaturesIn');
    const okMax = expectLength(ctx, f.dataMax, f.nFeaturesIn, ['fitted', 'dataMax'], 'nFeaturesIn');
    if (okMin && okMax) {
      f.dataMax.forEach((max, j) => {
        if (max < (f.dataMin[j] as number)) issue(ctx, ['fitted', 'dataMax', j], `${max} is below dataMin[${j}] = ${f.dataMin[j]}`);
      });
    }
  });

/** MaxAbsScaler: each feature's largest absolute value. */
export const maxAbsScalerStateSchema = z
  .strictObject({
    kind: z.literal('max-abs-scaler'),
    version: z.literal(1).default(1),
    params: z.strictObject({}).default({}),
    fitted: z.strictObject({ nFeaturesIn: count, nSamplesSeen: count, maxAbs: nonNegativeVector }).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.fitted) expectLength(ctx, s.fitted.maxAbs, s.fitted.nFeaturesIn, ['fitted', 'maxAbs'], 'nFeaturesIn');
  });

/** PCA: mean, orthonormal components (rows), and their variances. */
export const pcaStateSchema = z
  .strictObject({
    kind: z.literal('pca'),
    version: z.literal(1).default(1),
    params: z.strictObject({ nComponents: nComponentsParam, whiten: z.boolean().default(false) }).default({ nComponents: null, whiten: false }),
    fitted: z
      .strictObject({
        nFeaturesIn: count,
        nSamplesSeen: count,
        mean: vector,
        components: z.array(vector).min(1),
        explainedVariance: nonNegativeVector,
        explainedVarianceRatio: z.array(z.number().min(0).max(1)),
      })
      .optional(),
  })
  .superRefine((s, ctx) => {
    const f = s.fitted;
    if (!f) return;
    const k = f.components.length;
    expectLength(ctx, f.mean, f.nFeaturesIn, ['fitted', 'mean'], 'nFeaturesIn');
    expectLength(ctx, f.explainedVariance, k, ['fitted', 'explainedVariance'], 'one per component');
    expectLength(ctx, f.explainedVarianceRatio, k, ['fitted', 'explainedVarianceRatio'], 'one per component');
    if (k > f.nFeaturesIn) issue(ctx, ['fitted', 'components'], `has ${k} components, more than nFeaturesIn = ${f.nFeaturesIn}`);
    const rowsOk = f.components.every((c, i) => expectLength(ctx, c, f.nFeaturesIn, ['fitted', 'components', i], 'nFeaturesIn'));
    if (rowsOk) checkOrthonormal(ctx, f.components, ['fitted', 'components']);
    for (let i = 1; i < f.explainedVariance.length; i++) {
      if ((f.explainedVariance[i] as number) > (f.explainedVariance[i - 1] as number) * (1 + 1e-12)) {
        issue(ctx, ['fitted', 'explainedVariance', i], 'variances must not increase from one component to the next');
      }
    }
    const total = f.explainedVarianceRatio.reduce((a, b) => a + b, 0);
    if (total > 1 + 1e-9) issue(ctx, ['fitted', 'explainedVarianceRatio'], `sums to ${total}, more than 1`);
    if (s.params.whiten) {
      f.explainedVariance.forEach((v, i) => {
        if (!(v > 0)) issue(ctx, ['fitted', 'explainedVariance', i], 'must be positive when whiten is on');
      });
    }
  });

/** LDA: the overall mean and the discriminant directions (rows of `scalings`). */
export const ldaStateSchema = z
  .strictObject({
    kind: z.literal('lda'),
    version: z.literal(1).default(1),
    params: z
      .strictObject({ nComponents: z.number().int().min(1).nullable().default(null), tol: z.number().positive().default(1e-4) })
      .default({ nComponents: null, tol: 1e-4 }),
    fitted: z
      .strictObject({
        nFeaturesIn: count,
        nSamplesSeen: count,
        nClasses: z.number().int().min(2),
        xbar: vector,
        scalings: z.array(vector).min(1),
        explainedVarianceRatio: z.array(z.number().min(0).max(1)),
      })
      .optional(),
  })
  .superRefine((s, ctx) => {
    const f = s.fitted;
    if (!f) return;
    expectLength(ctx, f.xbar, f.nFeaturesIn, ['fitted', 'xbar'], 'nFeaturesIn');
    f.scalings.forEach((row, i) => expectLength(ctx, row, f.nFeaturesIn, ['fitted', 'scalings', i], 'nFeaturesIn'));
    const max = Math.min(f.nClasses - 1, f.nFeaturesIn);
    if (f.scalings.length > max) issue(ctx, ['fitted', 'scalings'], `has ${f.scalings.length} directions; LDA gives at most min(nClasses − 1, nFeaturesIn) = ${max}`);
    if (f.explainedVarianceRatio.length > max) issue(ctx, ['fitted', 'explainedVarianceRatio'], `has ${f.explainedVarianceRatio.length} entries, more than ${max}`);
    const total = f.explainedVarianceRatio.reduce((a, b) => a + b, 0);
    if (total > 1 + 1e-9) issue(ctx, ['fitted', 'explainedVarianceRatio'], `sums to ${total}, more than 1`);
  });

/** Any single (non-pipeline) transformer state. */
export const stepStateSchema = z.discriminatedUnion('kind', [
  standardScalerStateSchema,
  minMaxScalerStateSchema,
  maxAbsScalerStateSchema,
  pcaStateSchema,
  ldaStateSchema,
]);

/** A pipeline: steps applied in order; fitted steps must chain (outputs of one = inputs of the next). */
export const pipelineStateSchema = z
  .strictObject({
    kind: z.literal('pipeline'),
    version: z.literal(1).default(1),
    steps: z.array(stepStateSchema).min(1),
  })
  .superRefine((s, ctx) => {
    const fitted = s.steps.map((st) => st.fitted !== undefined);
    if (fitted.some((f) => f) && !fitted.every((f) => f)) {
      const i = fitted.indexOf(false);
      issue(ctx, ['steps', i, 'fitted'], 'missing although other steps are fitted (a pipeline is fitted as a whole)');
      return;
    }
    for (let i = 1; i < s.steps.length; i++) {
      const prevOut = stepOutputs(s.steps[i - 1] as StepState);
      const nextIn = (s.steps[i] as StepState).fitted?.nFeaturesIn;
      if (prevOut !== undefined && nextIn !== undefined && prevOut !== nextIn) {
        issue(ctx, ['steps', i, 'fitted', 'nFeaturesIn'], `is ${nextIn} but step ${i - 1} (${(s.steps[i - 1] as StepState).kind}) outputs ${prevOut} features`);
      }
    }
  });

/** Every transformer state, pipelines included. */
export const transformerStateSchema = z.discriminatedUnion('kind', [
  standardScalerStateSchema,
  minMaxScalerStateSchema,
  maxAbsScalerStateSchema,
  pcaStateSchema,
  ldaStateSchema,
  pipelineStateSchema,
]);

/** Serialised StandardScaler. */
export type StandardScalerState = z.output<typeof standardScalerStateSchema>;
/** Serialised MinMaxScaler. */
export type MinMaxScalerState = z.output<typeof minMaxScalerStateSchema>;
/** Serialised MaxAbsScaler. */
export type MaxAbsScalerState = z.output<typeof maxAbsScalerStateSchema>;
/** Serialised PCA. */
export type PCAState = z.output<typeof pcaStateSchema>;
/** Serialised LinearDiscriminantAnalysis. */
export type LDAState = z.output<typeof ldaStateSchema>;
/** Serialised state of one non-pipeline transformer. */
export type StepState = z.output<typeof stepStateSchema>;
/** Serialised Pipeline. */
export type PipelineState = z.output<typeof pipelineStateSchema>;
/** Serialised state of any transformer (what `toJSON()` returns). */
export type TransformerState = z.output<typeof transformerStateSchema>;
/** The kinds of transformer. */
export type TransformerKind = TransformerState['kind'];

/** Number of features a fitted step outputs (undefined when not fitted). */
export function stepOutputs(step: StepState): number | undefined {
  if (!step.fitted) return undefined;
  switch (step.kind) {
    case 'pca':
      return step.fitted.components.length;
    case 'lda':
      return step.fitted.scalings.length;
    default:
      return step.fitted.nFeaturesIn;
  }
}

function checkOrthonormal(ctx: Ctx, rows: readonly (readonly number[])[], path: Path): void {
  for (let a = 0; a < rows.length; a++) {
    for (let b = a; b < rows.length; b++) {
      let dot = 0;
      const ra = rows[a] as readonly number[];
      const rb = rows[b] as readonly number[];
      for (let j = 0; j < ra.length; j++) dot += (ra[j] as number) * (rb[j] as number);
      const expected = a === b ? 1 : 0;
      if (Math.abs(dot - expected) > 1e-6) {
        issue(ctx, [...path, b], a === b ? `has norm² ${dot}, expected 1 (components must be unit vectors)` : `is not orthogonal to component ${a} (dot product ${dot})`);
        return;
      }
    }
  }
}
