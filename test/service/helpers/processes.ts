/**
 * TEST HELPER — qmlsec CLI child processes (run from source through tsx, with the linear
 * test runtime selected by QMLSEC_RUNTIME_MODULE), their JSON log lines, and kill -9.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ENTRY = fileURLToPath(new URL('./cli-entry.ts', import.meta.url));
const RUNTIME = fileURLToPath(new URL('./linear-runtime.ts', import.meta.url));

/** A running CLI process. */
export interface CliProcess {
  readonly child: ChildProcess;
  /** Parsed JSON log lines so far (stdout). */
  readonly logs: Record<string, unknown>[];
  stderr(): string;
  /** Resolves with the first log line matching `pred` (rejects after `timeoutMs` or on exit). */
  waitForLog(pred: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  kill9(): Promise<void>;
  /** SIGTERM and wait for exit; resolves to the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `qmlsec <args>` with extra environment (an `undefined` value removes a variable). */
export function startCli(args: string[], env: Record<string, string | undefined> = {}): CliProcess {
  const merged: Record<string, string | undefined> = { ...process.env, QMLSEC_RUNTIME_MODULE: RUNTIME, ...env };
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
    cwd: ROOT,
    env: merged,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let err = '';
  let buffered = '';
  const waiters: { pred: (l: Record<string, unknown>) => boolean; resolve(l: Record<string, unknown>): void }[] = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(line) as Record<string, unknown>;
      } catch {
        parsed = { msg: line, unparsed: true };
      }
      logs.push(parsed);
      for (const w of [...waiters]) {
        if (w.pred(parsed)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(parsed);
        }
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    logs,
    stderr: () => err,
    waitForLog(pred, timeoutMs = 60_000) {
      const found = logs.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for a log line; stderr: ${err}`)), timeoutMs);
        waiters.push({ pred, resolve: (l) => (clearTimeout(timer), resolve(l)) });
        void exited.then((code) => {
          clearTimeout(timer);
          reject(new Error(`process exited (${code}) before the expected log line; stderr: ${err}`));
        });
      });
    },
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Starts `qmlsec serve --port 0 …` and resolves once it listens, with its base URL. */
export async function startServer(args: string[], env: Record<string, string | undefined> = {}): Promise<{ proc: CliProcess; url: string }> {
  const proc = startCli(['serve', '--port', '0', ...args], env);
  const line = await proc.waitForLog((l) => l['msg'] === 'listening');
  return { proc, url: String(line['url']) };
}

/** fetch + JSON. */
export async function http(url: string, init: { method?: string; auth?: string; body?: unknown } = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { ...(init.auth ? { authorization: init.auth } : {}), ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Polls `fn` every 50 ms until it returns a value (not undefined), for up to `timeoutMs`. */
export async function until<T>(fn: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
