/**
 * `qmlsec demo` (what `npm start` runs): the end-to-end story on embedded defaults. Each
 * step is its own module under `../demo/`.
 */
import type { Command } from 'commander';
import { demoCircuits } from '../demo/circuits.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('run the end-to-end demo on embedded defaults (what `npm start` runs)')
    .action(() => {
      demoCircuits();
    });
}
