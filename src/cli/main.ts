/**
 * The `qmlsec` command line. Each command lives in its own file under `commands/` and
 * registers itself on the commander program; this file only wires them up and turns errors
 * into messages and exit codes (2 = usage, 1 = bad input, never a stack trace to a user).
 */
import { Command, CommanderError } from 'commander';
import { QmlsecError } from '../core/errors.js';
import { commands } from './commands/index.js';
import { VERSION } from '../version.js';

/** Builds the commander program with every command registered (exported for tests and docs). */
export function buildProgram(): Command {
  const program = new Command();
  program
    .name('qmlsec')
    .description('Security toolkit for Quantum Machine Learning as a Service')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}

/** Runs the CLI on `argv` (as in process.argv) and resolves to the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (err) {
    return reportError(err);
  }
}

function reportError(err: unknown): number {
  if (err instanceof CommanderError) {
    // commander has already printed its message (or the help / version text).
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    return err.exitCode === 0 ? 0 : 2;
  }
  if (err instanceof QmlsecError) {
    process.stderr.write(`qmlsec: error: ${err.message}\n`);
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`qmlsec: internal error: ${message}\n`);
  if (process.env['QMLSEC_DEBUG'] && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  return 1;
}
