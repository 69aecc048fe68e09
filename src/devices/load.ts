/** Loading a device profile from JSON text or a parsed value, with field-path errors. */
import { ValidationError } from '../core/errors.js';
import { parseJson, validate } from '../core/schema.js';
import { checkDeviceConsistency } from './consistency.js';
import { DeviceProfileSchema, type DeviceProfile } from './schema.js';

/**
 * Validates a device profile — JSON text or an already parsed value — against the schema and
 * the cross-field rules, and returns it typed. Throws a ParseError (line:column) for bad JSON
 * and a ValidationError naming the path of every offending field, e.g.
 * `at calibration.qubits[3].t1_us: Too small: expected number to be >0`.
 */
export function loadDeviceProfile(json: unknown, file?: string): DeviceProfile {
  const value = typeof json === 'string' ? parseJson(json, file) : json;
  const subject = describe(value, file);
  const profile = validate(DeviceProfileSchema, value, subject);
  const issues = checkDeviceConsistency(profile);
  if (issues.length > 0) throw new ValidationError(subject, issues);
  return profile;
}

function describe(value: unknown, file: string | undefined): string {
  const id = typeof value === 'object' && value !== null && 'id' in value ? (value as { id: unknown }).id : undefined;
  const name = typeof id === 'string' ? ` "${id}"` : '';
  return `device profile${name}${file ? ` (${file})` : ''}`;
}
