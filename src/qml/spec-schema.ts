/**
 * Schemas: the QNN configuration stored in artifacts (qmlsec's TypeScript shape), and the
 * model spec YAML that users write (snake_case, as the examples in examples/*.yaml).
 */
import { z } from 'zod';

const entanglement = z.enum(['full', 'linear', 'reverse_linear', 'circular']);
const rotation = z.enum(['X', 'Y', 'Z']);
const posInt = z.number().int().min(1);
const edge = z.tuple([z.number().int().min(0), z.number().int().min(0)]);

export const encoderSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('angle'), rotation: rotation.optional(), hadamard: z.boolean().optional(), features: posInt.optional() }).strict(),
  z.object({ kind: z.literal('dense_angle'), features: posInt.optional() }).strict(),
  z.object({ kind: z.literal('amplitude'), features: posInt.optional(), pad: z.number().optional(), order: z.enum(['pennylane', 'qiskit']).optional() }).strict(),
  z.object({ kind: z.literal('zz'), reps: posInt.optional(), entanglement: entanglement.optional() }).strict(),
]);

const stronglyEntangling = z.object({ kind: z.literal('strongly_entangling'), layers: posInt, ranges: z.array(z.number().int().min(1)).optional() }).strict();
const basicEntangler = z.object({ kind: z.literal('basic_entangler'), layers: posInt, rotation: rotation.optional() }).strict();
const realAmplitudes = z.object({ kind: z.literal('real_amplitudes'), reps: posInt.optional(), entanglement: entanglement.optional() }).strict();
const efficientSu2 = z.object({ kind: z.literal('efficient_su2'), reps: posInt.optional(), entanglement: entanglement.optional() }).strict();

export const ansatzSchema = z.discriminatedUnion('kind', [
  stronglyEntangling, basicEntangler, realAmplitudes, efficientSu2,
  z.object({ kind: z.literal('hardware_efficient'), layers: posInt, edges: z.array(edge) }).strict(),
]);

export const measurementSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('z'), wires: z.array(z.number().int().min(0)).optional() }).strict(),
  z.object({ kind: z.literal('pauli'), observables: z.array(z.string()).min(1) }).strict(),
  z.object({ kind: z.literal('parity'), wires: z.array(z.number().int().min(0)).optional() }).strict(),
  z.object({ kind: z.literal('probabilities'), wires: z.array(z.number().int().min(0)).optional() }).strict(),
]);

/** The ansatz as a spec may give it: a hardware-efficient ansatz by its edges or by a device. */
const specAnsatzSchema = z.discriminatedUnion('kind', [
  stronglyEntangling, basicEntangler, realAmplitudes, efficientSu2,
  z
    .object({ kind: z.literal('hardware_efficient'), layers: posInt, edges: z.array(edge).optional(), device: z.string().min(1).optional() })
    .strict()
    .refine((a) => (a.edges === undefined) !== (a.device === undefined), { message: 'give exactly one of "edges" or "device"', path: ['edges'] }),
]);

/** QnnConfig as stored in artifacts. */
export const qnnConfigSchema = z
  .object({
    numQubits: z.number().int().min(1).max(29),
    encoder: encoderSchema,
    ansatz: ansatzSchema,
    measurement: measurementSchema.optional(),
    reupload: z.object({ trainableScaling: z.boolean().optional() }).strict().optional(),
  })
  .strict();

/** The value of a number or a multiple of π written as text ("2pi", "pi/2", "-pi/4"). */
export function angleNumber(v: number | string): number {
  if (typeof v === 'number') return v;
  const m = /^\s*(-)?\s*(\d+(?:\.\d+)?)?\s*\*?\s*pi(?:\s*\/\s*(\d+(?:\.\d+)?))?\s*$/.exec(v);
  if (!m) return Number.NaN;
  return ((m[1] ? -1 : 1) * Number(m[2] ?? 1) * Math.PI) / Number(m[3] ?? 1);
}

/** A number, or π written as `pi`, `2pi`, `pi/2`, `-pi/4`… */
const angle = z.union([
  z.number(),
  z.string().regex(/^\s*-?\s*(\d+(\.\d+)?\s*\*?\s*)?pi(\s*\/\s*\d+(\.\d+)?)?\s*$/, 'must be a number or a multiple of pi such as "pi", "2pi" or "pi/2"'),
]);

export const preprocessStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('standard') }).strict(),
  z
    .object({ kind: z.literal('minmax'), range: z.tuple([angle, angle]).optional(), clip: z.boolean().optional() })
    .strict()
    .refine((s) => !s.range || angleNumber(s.range[0]) < angleNumber(s.range[1]), { message: 'the range must be increasing, [low, high] with low < high', path: ['range'] }),
  z.object({ kind: z.literal('maxabs') }).strict(),
  z.object({ kind: z.literal('pca'), components: z.number().positive(), whiten: z.boolean().optional() }).strict(),
  z.object({ kind: z.literal('lda'), components: posInt.optional() }).strict(),
]);

const scheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('constant') }).strict(),
  z.object({ kind: z.literal('step'), every: posInt, factor: z.number().positive() }).strict(),
  z.object({ kind: z.literal('exponential'), gamma: z.number().positive() }).strict(),
  z.object({ kind: z.literal('cosine'), total: posInt, min: z.number().min(0).optional() }).strict(),
]);

export const optimizerSchema = z
  .object({
    kind: z.enum(['sgd', 'momentum', 'adam', 'amsgrad', 'spsa']),
    lr: z.number().positive().optional(),
    momentum: z.number().min(0).max(1).optional(),
    beta1: z.number().min(0).lt(1).optional(),
    beta2: z.number().min(0).lt(1).optional(),
    epsilon: z.number().positive().optional(),
    schedule: scheduleSchema.optional(),
    spsa: z
      .object({ a: z.number().positive().optional(), c: z.number().positive().optional(), A: z.number().min(0).optional(), alpha: z.number().positive().optional(), gamma: z.number().positive().optional() })
      .strict()
      .optional(),
  })
  .strict();

export const datasetRefSchema = z.union([
  z.string().min(1),
  z.object({ name: z.string().min(1), samples: posInt.optional(), noise: z.number().min(0).optional(), seed: z.number().int().optional() }).strict(),
  z.object({ csv: z.string().min(1), label_column: z.union([z.string(), z.number().int().min(0)]).optional(), header: z.boolean().optional(), classes: z.array(z.string()).optional() }).strict(),
]);

export const modelSpecSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, "_", "." and "-" only'),
    description: z.string().optional(),
    dataset: datasetRefSchema,
    split: z.object({ test_size: z.number().gt(0).lt(1).optional(), seed: z.number().int().optional(), stratify: z.boolean().optional() }).strict().optional(),
    preprocess: z.array(preprocessStepSchema).optional(),
    model: z
      .object({
        qubits: z.number().int().min(1).max(29),
        encoder: encoderSchema,
        ansatz: specAnsatzSchema,
        measurement: measurementSchema.optional(),
        head: z.enum(['linear', 'none']).optional(),
        reupload: z.union([z.boolean(), z.object({ trainable_scaling: z.boolean().optional() }).strict()]).optional(),
      })
      .strict(),
    training: z
      .object({
        epochs: z.number().int().min(0),
        batch_size: posInt.optional(),
        optimizer: optimizerSchema.optional(),
        loss: z.enum(['cross_entropy', 'mse', 'huber']).optional(),
        huber_delta: z.number().positive().optional(),
        gradient: z.enum(['adjoint', 'parameter-shift', 'finite-difference', 'spsa']).optional(),
        validation_split: z.number().gt(0).lt(1).optional(),
        early_stopping: z.object({ patience: posInt, monitor: z.enum(['val_loss', 'val_accuracy', 'loss']).optional(), min_delta: z.number().min(0).optional() }).strict().optional(),
        seed: z.number().int().optional(),
      })
      .strict(),
    execution: z
      .object({
        backend: z.string().regex(/^(statevector|density-matrix|trajectories|device:[a-z][a-z0-9_]*)$/, 'must be statevector, density-matrix, trajectories or device:ID').optional(),
        shots: posInt.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type ModelSpec = z.infer<typeof modelSpecSchema>;
export type PreprocessStep = z.infer<typeof preprocessStepSchema>;
