/** TEST HELPER — runs `examples/<name>.ts` as a child process from source (tsx), as a reader would. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What an example printed and how it exited. */
export interface ExampleRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout split into lines, carriage-return progress updates included as lines. */
  readonly lines: readonly string[];
}

/** Runs `node --import tsx examples/<name>.ts [...args]` from the repository root; kills it after `timeoutMs`. */
export function runExample(name: string, args: readonly string[] = [], timeoutMs = 120_000): Promise<ExampleRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `examples/${name}.ts`, ...args], {
      cwd: ROOT,
      // The examples choose their own stores; keep a suite-wide PostgreSQL/Redis out of them.
      env: { ...withoutServiceEnv(process.env), NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`examples/${name}.ts did not finish in ${timeoutMs / 1000} s; stdout so far:\n${stdout}\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, lines: stdout.split(/\r?\n|\r/) });
    });
  });
}

function withoutServiceEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  delete out['DATABASE_URL'];
  delete out['REDIS_URL'];
  return out;
}

/** The one line containing `needle` (fails the caller's expectation with the output when absent). */
export function lineWith(run: ExampleRun, needle: string): string {
  const line = run.lines.find((l) => l.includes(needle));
  if (line === undefined) throw new Error(`no line contains "${needle}"; output was:\n${run.stdout}`);
  return line;
}

/** Every number in a line, in order (signs, decimals and exponents included). */
export function numbersIn(line: string): number[] {
  return (line.match(/-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi) ?? []).map(Number);
}
