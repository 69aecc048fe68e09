import type { Command } from 'commander';
import { registerDemo } from './demo.js';
import { registerSimulate } from './simulate.js';
import { registerDevices } from './devices.js';
import { registerThreats } from './threats.js';

/** Every CLI command's registration function, in the order `--help` lists them. */
export const commands: ReadonlyArray<(program: Command) => void> = [registerDemo, registerSimulate, registerDevices, registerThreats];
