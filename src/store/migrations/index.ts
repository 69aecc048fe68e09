import type { Migration } from './migration.js';
import { migration001 } from './001_initial.js';

export type { Migration } from './migration.js';

/** Every migration, in version order. Append new ones; never edit an applied one. */
export const MIGRATIONS: readonly Migration[] = [migration001];
