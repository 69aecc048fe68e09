/**
 * Loading a deployment file: YAML syntax (errors with line:column), strict structure (errors
 * with field paths), then semantic checks (party references, roles, devices, mitigations).
 */
import { readFileSync } from 'node:fs';
import { InputError, ValidationError } from '../core/errors.js';
import type { Deployment } from './deployment.js';
import { withPositions, yamlLocator } from './locate.js';
import { parseYaml } from '../core/schema.js';
import { normalizeDeployment, type DeploymentCheckOptions } from './normalize.js';
import { DeploymentSchema } from './schema.js';
import { structureIssues } from './structure.js';

/** Where a deployment comes from: text (with an optional file name for messages) or a file. */
export type DeploymentSource = { readonly text: string; readonly file?: string } | { readonly file: string };

/** Options for {@link loadDeployment}. */
export type LoadDeploymentOptions = DeploymentCheckOptions;

function readSource(source: DeploymentSource): { text: string; file?: string } {
  if ('text' in source) return { text: source.text, ...(source.file !== undefined ? { file: source.file } : {}) };
  try {
    return { text: readFileSync(source.file, 'utf8'), file: source.file };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new InputError(`cannot read deployment file ${source.file}: ${reason}`, 'FILE');
  }
}

/**
 * Parses and validates a deployment already read into memory (e.g. from a YAML file or an
 * API body). Throws ParseError (syntax, line:column) or ValidationError (field paths, each
 * with its line:column when the value came from YAML text).
 */
export function parseDeploymentValue(
  value: unknown,
  options: LoadDeploymentOptions = {},
  context: { text?: string; file?: string } = {},
): Deployment {
  const subject = `deployment${context.file ? ` ${context.file}` : ''}`;
  const locator = context.text !== undefined ? yamlLocator(context.text) : undefined;
  const structural = DeploymentSchema.safeParse(value);
  if (!structural.success) {
    throw new ValidationError(subject, withPositions(structureIssues(structural.error.issues), locator, context.file));
  }
  const { deployment, issues } = normalizeDeployment(structural.data, options);
  if (issues.length > 0) throw new ValidationError(subject, withPositions(issues, locator, context.file));
  return deployment;
}

/** Loads a deployment from YAML text or a file path. */
export function loadDeployment(source: DeploymentSource, options: LoadDeploymentOptions = {}): Deployment {
  const { text, file } = readSource(source);
  const value = parseYaml(text, file);
  if (value === null || value === undefined) {
    throw new ValidationError(`deployment${file ? ` ${file}` : ''}`, [{ path: [], message: 'the file is empty' }]);
  }
  return parseDeploymentValue(value, options, { text, ...(file !== undefined ? { file } : {}) });
}
