/**
 * Semantic checks and normalization of a structurally valid deployment file: party references,
 * role/step compatibility, device and mitigation IDs, trust defaults. Each problem is reported
 * with the path of the offending field; checks never stop at the first problem.
 */
import type { DeploymentInput } from './schema.js';
import type { DatasetSpec, Deployment, ModelRef, Party, Serving, Workflow } from './deployment.js';
import type { FieldIssue } from './structure.js';
import {
  BUILTIN_DATASETS,
  CLOUD_ROLES,
  STEP_PERFORMER_ROLES,
  WORKFLOW_STEPS,
  type BuiltinDataset,
  type TrustLevel,
  type WorkflowStep,
} from './vocabulary.js';

/** Options for semantic validation. */
export interface DeploymentCheckOptions {
  /**
   * Mitigation IDs that exist. The deploy room does not know the knowledge base (it may import
   * only `core`), so the caller passes the IDs in; when omitted only the ID format is checked.
   */
  readonly knownMitigations?: ReadonlySet<string>;
  /** Device catalog IDs that exist; when omitted only the ID format is checked. */
  readonly knownDevices?: ReadonlySet<string>;
}

const DEFAULT_TRUST: Partial<Record<Party['role'], TrustLevel>> = {
  'data-owner': 'trusted',
  'api-client': 'untrusted',
};

/** Default number of shots when the file does not say. */
export const DEFAULT_SHOTS = 1024;

function listChoices(values: Iterable<string>, max = 12): string {
  const all = [...values];
  const shown = all.slice(0, max).join(', ');
  return all.length > max ? `${shown}, … (${all.length} in total)` : shown;
}

function normalizeDataset(input: DeploymentInput['dataset'], issues: FieldIssue[]): DatasetSpec {
  if (typeof input === 'string') {
    if ((BUILTIN_DATASETS as readonly string[]).includes(input)) return { kind: 'builtin', name: input as BuiltinDataset };
    if (/\.csv$/i.test(input)) return { kind: 'csv', path: input };
    issues.push({
      path: ['dataset'],
      message: `"${input}" is neither a built-in dataset (${BUILTIN_DATASETS.join(', ')}) nor a path ending in .csv`,
    });
    return { kind: 'csv', path: input };
  }
  if ('builtin' in input) return { kind: 'builtin', name: input.builtin };
  return {
    kind: 'csv',
    path: input.csv,
    ...(input.labelColumn !== undefined ? { labelColumn: input.labelColumn } : {}),
    ...(input.featureColumns !== undefined ? { featureColumns: input.featureColumns } : {}),
  };
}

function normalizeModel(input: DeploymentInput['model']): ModelRef {
  return typeof input === 'string' ? { kind: 'file', path: input } : { kind: 'inline', spec: input };
}

function normalizeParties(input: DeploymentInput, options: DeploymentCheckOptions, issues: FieldIssue[]): Party[] {
  const seen = new Map<string, number>();
  return input.parties.map((p, i) => {
    const at = (field: string): (string | number)[] => ['parties', i, field];
    const first = seen.get(p.id);
    if (first !== undefined) issues.push({ path: at('id'), message: `duplicate party ID "${p.id}" (first used at parties[${first}])` });
    else seen.set(p.id, i);
    let trust = p.trust ?? DEFAULT_TRUST[p.role];
    if (trust === undefined) {
      issues.push({ path: at('trust'), message: `required for role "${p.role}" (trusted, honest-but-curious or untrusted)` });
      trust = 'untrusted';
    }
    if (p.devices !== undefined && p.role !== 'quantum-cloud') {
      issues.push({ path: at('devices'), message: `only quantum-cloud parties offer devices (this party is "${p.role}")` });
    }
    if (p.role === 'quantum-cloud' && (p.devices === undefined || p.devices.length === 0)) {
      issues.push({ path: at('devices'), message: 'a quantum-cloud party must list at least one device catalog ID' });
    }
    if (options.knownDevices && p.devices) {
      p.devices.forEach((d, j) => {
        if (!options.knownDevices?.has(d)) {
          issues.push({ path: ['parties', i, 'devices', j], message: `unknown device "${d}" (valid: ${listChoices(options.knownDevices ?? [])})` });
        }
      });
    }
    if (p.tenancy !== undefined && !CLOUD_ROLES.includes(p.role)) {
      issues.push({ path: at('tenancy'), message: `only ${CLOUD_ROLES.join(', ')} parties have a tenancy` });
    }
    if (p.pulseLevelAccess !== undefined && p.role !== 'quantum-cloud') {
      issues.push({ path: at('pulseLevelAccess'), message: 'only quantum-cloud parties offer pulse-level access' });
    }
    return {
      id: p.id,
      role: p.role,
      ...(p.name !== undefined ? { name: p.name } : {}),
      trust,
      devices: p.devices ?? [],
      tenancy: p.tenancy ?? 'dedicated',
      pulseLevelAccess: p.pulseLevelAccess ?? false,
    };
  });
}

function normalizeWorkflow(input: DeploymentInput, parties: readonly Party[], issues: FieldIssue[]): Workflow {
  const byId = new Map(parties.map((p) => [p.id, p]));
  const out: Partial<Record<WorkflowStep, readonly string[]>> = {};
  for (const step of WORKFLOW_STEPS) {
    const raw = input.workflow[step];
    if (raw === undefined) continue;
    const ids = typeof raw === 'string' ? [raw] : raw;
    ids.forEach((id, j) => {
      const path: (string | number)[] = typeof raw === 'string' ? ['workflow', step] : ['workflow', step, j];
      const party = byId.get(id);
      if (!party) {
        issues.push({ path, message: `unknown party "${id}" (valid: ${listChoices(byId.keys())})` });
        return;
      }
      const allowed = STEP_PERFORMER_ROLES[step];
      if (!allowed.includes(party.role)) {
        issues.push({ path, message: `party "${id}" is a ${party.role} and cannot perform ${step} (allowed roles: ${allowed.join(', ')})` });
      }
    });
    if (new Set(ids).size !== ids.length) issues.push({ path: ['workflow', step], message: 'lists the same party twice' });
    out[step] = ids;
  }
  return out as Workflow;
}

function normalizeServing(input: DeploymentInput, issues: FieldIssue[]): Serving | undefined {
  const s = input.serving;
  const hosted = input.workflow.I1 !== undefined || input.workflow.I2 !== undefined;
  if (!s) {
    if (hosted) issues.push({ path: ['serving'], message: 'workflow has inference steps (I1/I2) but no serving section' });
    return undefined;
  }
  if (input.workflow.I1 === undefined) issues.push({ path: ['workflow', 'I1'], message: 'required when the model is served (who hosts it)' });
  if (input.workflow.I2 === undefined) issues.push({ path: ['workflow', 'I2'], message: 'required when the model is served (who answers queries)' });
  const returns = s.returns ?? 'label';
  if (s.roundingDigits !== undefined && returns !== 'rounded-probabilities') {
    issues.push({ path: ['serving', 'roundingDigits'], message: 'only meaningful when returns is "rounded-probabilities"' });
  }
  return {
    publicApi: s.publicApi,
    returns,
    ...(s.roundingDigits !== undefined ? { roundingDigits: s.roundingDigits } : returns === 'rounded-probabilities' ? { roundingDigits: 2 } : {}),
    ...(s.quota !== undefined ? { quota: { perKey: s.quota.perKey, window: s.quota.window ?? 'day' } } : {}),
  };
}

/**
 * Checks the cross-references of a structurally valid deployment and returns the normalized
 * deployment together with every problem found (empty when valid).
 */
export function normalizeDeployment(
  input: DeploymentInput,
  options: DeploymentCheckOptions = {},
): { deployment: Deployment; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const dataset = normalizeDataset(input.dataset, issues);
  const parties = normalizeParties(input, options, issues);
  const owners = parties.filter((p) => p.role === 'data-owner');
  if (owners.length !== 1) {
    issues.push({ path: ['parties'], message: `exactly one party must have role data-owner (found ${owners.length})` });
  }
  const workflow = normalizeWorkflow(input, parties, issues);
  const serving = normalizeServing(input, issues);

  const vendor = input.transpiler?.vendor;
  if (vendor !== undefined) {
    const party = parties.find((p) => p.id === vendor);
    if (!party) issues.push({ path: ['transpiler', 'vendor'], message: `unknown party "${vendor}" (valid: ${listChoices(parties.map((p) => p.id))})` });
    else if (party.role !== 'compiler-vendor') {
      issues.push({ path: ['transpiler', 'vendor'], message: `party "${vendor}" is a ${party.role}; the transpiler vendor must have role compiler-vendor` });
    }
  }

  const mitigations = input.mitigations ?? [];
  mitigations.forEach((id, i) => {
    if (mitigations.indexOf(id) !== i) issues.push({ path: ['mitigations', i], message: `"${id}" is listed twice` });
    else if (options.knownMitigations && !options.knownMitigations.has(id)) {
      issues.push({ path: ['mitigations', i], message: `unknown mitigation "${id}" (valid: ${listChoices([...options.knownMitigations].sort(), 40)})` });
    }
  });

  const deployment: Deployment = {
    name: input.name,
    ...(input.description !== undefined ? { description: input.description } : {}),
    dataset,
    model: normalizeModel(input.model),
    parties,
    workflow,
    transpiler: {
      ...(vendor !== undefined ? { vendor } : {}),
      ...(input.transpiler?.optimizationLevel !== undefined ? { optimizationLevel: input.transpiler.optimizationLevel } : {}),
    },
    execution: {
      shots: input.execution?.shots ?? DEFAULT_SHOTS,
      ...(input.execution?.seed !== undefined ? { seed: input.execution.seed } : {}),
    },
    ...(serving !== undefined ? { serving } : {}),
    mitigations,
  };
  return { deployment, issues };
}
