/** The lab's scenarios, by id. */
import { NotFoundError } from '../core/errors.js';
import type { Scenario } from './scenario.js';

const scenarios = new Map<string, Scenario>();

/** Adds a scenario to the registry (scenario modules call this once). */
export function registerScenario(s: Scenario): void {
  scenarios.set(s.id, s);
}

export function listScenarios(): Scenario[] {
  return [...scenarios.values()];
}

export function getScenario(id: string): Scenario {
  const s = scenarios.get(id);
  if (!s) throw new NotFoundError(`unknown scenario "${id}" (known: ${[...scenarios.keys()].join(', ') || 'none'})`);
  return s;
}
