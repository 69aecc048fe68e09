/**
 * Inference API benchmark (issue: QMLaaS platform, "Numbers"). Prints JSON:
 * - predict throughput and latency over loopback: autocannon, 50 connections, 10 s, one
 *   Iris-shaped row (4 features) per request, against `qmlsec serve` in a child process on a
 *   fresh embedded (PGlite) data directory; every answer is audited and quota-counted;
 * - server RSS sampled every second over a 60 s soak at the same load (flat = no leak);
 * - training through the queue: per-job wall time via POST /v1/models + polling (in-process
 *   queue, worker-thread training) against calling the runtime's train() directly.
 *
 * The model: the real runtime (src/cloud/runtime.ts, or QMLSEC_RUNTIME_MODULE) serving a
 * 4-qubit Iris model trained from examples/iris.yaml (or QMLSEC_BENCH_ARTIFACT);
 * QMLSEC_BENCH_STANDIN=1 uses a linear test double instead, to measure the service alone —
 * the JSON says which (`model.runtime`). Options: `--duration S` (10), `--soak S` (60,
 * 0 = skip), `--connections N` (50), `--jobs N` (10), `--job-gap S` (1: seconds between
 * training jobs).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { median } from '../src/core/numeric.js';
import { loadRuntimeModule, toModuleUrl } from '../src/service/runtime-loader.js';
import { openStore } from '../src/store/store.js';
import { round } from './harness.js';
import { trainFromSpec } from '../src/qml/runner.js';
import { loadModelSpec } from '../src/qml/spec.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const ENTRY = join(ROOT, 'test/service/helpers/cli-entry.ts');
const TEST_RUNTIME = join(ROOT, 'test/service/helpers/linear-runtime.ts');

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? round(Number(m[1]) / 1024, 4) : Number.NaN;
}

async function testArtifact(): Promise<unknown> {
  const { linearArtifact } = (await import(pathToFileURL(TEST_RUNTIME).href)) as typeof import('../test/service/helpers/linear-runtime.js');
  return linearArtifact({
    name: 'iris-linear-test-double',
    classes: ['setosa', 'versicolor', 'virginica'],
    weights: [[0.4, 1.4, -2.2, -1.0], [0.5, -1.6, 0.6, -1.3], [-0.9, 0.2, 1.6, 2.3]],
    bias: [0.3, 1.0, -1.2],
    metadata: { note: 'linear stand-in for the 4-qubit Iris model' },
  });
}

async function main(): Promise<Record<string, unknown>> {
  const duration = option('duration', 10);
  const soak = option('soak', 60);
  const connections = option('connections', 50);
  const jobs = option('jobs', 10);
  const jobGapMs = option('job-gap', 1) * 1000;
  // The real runtime and a freshly trained 4-qubit Iris model, unless QMLSEC_BENCH_STANDIN=1
  // asks for the linear test double (to measure the service alone).
  const standIn = process.env['QMLSEC_BENCH_STANDIN'] === '1';
  const useReal = !standIn;
  const runtimeModule = standIn ? pathToFileURL(TEST_RUNTIME).href : toModuleUrl(process.env['QMLSEC_RUNTIME_MODULE'] ?? join(ROOT, 'src/cloud/runtime.ts'));
  const { runtime } = await loadRuntimeModule(runtimeModule);
  const artifact: unknown = standIn
    ? await testArtifact()
    : process.env['QMLSEC_BENCH_ARTIFACT']
      ? readFileSync(process.env['QMLSEC_BENCH_ARTIFACT'], 'utf8')
      : JSON.stringify((await trainFromSpec(loadModelSpec(join(ROOT, 'examples/iris.yaml')))).artifact);
  const loaded = runtime.loadArtifact(artifact);

  const dataDir = mkdtempSync(join(tmpdir(), 'qmlsec-bench-'));
  const store = await openStore({ dataDir });
  const { secret, key } = await store.keys.create({ name: 'bench', scopes: ['predict', 'train'], queryQuota: null, rateLimit: null });
  const model = await store.models.register({ name: loaded.name, checksum: loaded.checksum, artifact, metadata: loaded.metadata, source: 'import' });
  await store.close();

  const env: Record<string, string> = { ...(process.env as Record<string, string>), QMLSEC_RUNTIME_MODULE: runtimeModule };
  delete env['DATABASE_URL'];
  delete env['REDIS_URL'];
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, 'serve', '--port', '0', '--data-dir', dataDir, '--log-level', 'warn'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
      const m = /serving on (http:\/\/\S+)/.exec(err);
      if (m) resolve(m[1] as string);
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
  const auth = `Bearer ${secret}`;
  const row = Array.from({ length: loaded.model.numFeatures }, (_, i) => [5.1, 3.5, 1.4, 0.2][i] ?? 0.5);
  const hammer = (seconds: number) =>
    autocannon({
      url: `${url}/v1/models/${model.modelId}/predict`,
      method: 'POST',
      connections,
      duration: seconds,
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ inputs: [row] }),
    });

  try {
    await hammer(2); // warm-up: JIT, model cache, key cache
    const rssBefore = rssMiB(child.pid as number);
    const r = await hammer(duration);
    const predict = {
      connections,
      duration_s: duration,
      requests_per_s: round(r.requests.average, 4),
      latency_ms: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
      requests: r.requests.total,
      ok_2xx: r['2xx'],
      non_2xx: r.non2xx,
      errors: r.errors,
      timeouts: r.timeouts,
      rss_mib_before: rssBefore,
      rss_mib_after: rssMiB(child.pid as number),
    };

    let soakResult: Record<string, unknown> = { skipped: true };
    if (soak > 0) {
      const samples: number[] = [];
      const timer = setInterval(() => samples.push(rssMiB(child.pid as number)), 1000);
      const s = await hammer(soak);
      clearInterval(timer);
      const tenth = Math.max(1, Math.floor(samples.length / 10));
      soakResult = {
        duration_s: soak,
        requests_per_s: round(s.requests.average, 4),
        latency_ms: { p50: s.latency.p50, p99: s.latency.p99 },
        errors: s.errors + s.timeouts + s.non2xx,
        rss_mib_samples: samples,
        rss_mib_first_10pct_median: median(samples.slice(0, tenth)),
        rss_mib_last_10pct_median: median(samples.slice(-tenth)),
      };
    }

    // Training through the queue vs calling train() directly, on a tiny spec (overhead-dominated).
    let training: Record<string, unknown> = { skipped: 'no jobs asked for (--jobs 0)' };
    const specFile = process.env['QMLSEC_BENCH_SPEC'];
    // Real runtime: the Iris spec with 5 epochs (a small job, so the queue's overhead shows).
    const spec: unknown = specFile
      ? JSON.parse(readFileSync(specFile, 'utf8'))
      : useReal
        ? { ...loadModelSpec(join(ROOT, 'examples/iris.yaml')), training: { ...loadModelSpec(join(ROOT, 'examples/iris.yaml')).training, epochs: 5 } }
        : { name: 'bench-job', classes: ['a', 'b'], inputs: [[-1, 0], [1, 0]], labels: [0, 1], steps: 5 };
    if (spec !== undefined && jobs > 0) {
      const direct: number[] = [];
      for (let i = 0; i < jobs; i++) {
        const t0 = performance.now();
        await runtime.train({ spec }, { jobId: `direct-${i}`, onProgress: () => {}, saveCheckpoint: async () => {} });
        direct.push(performance.now() - t0);
      }
      const queued: number[] = [];
      for (let i = 0; i < jobs; i++) {
        if (i > 0) await new Promise((r2) => setTimeout(r2, jobGapMs));
        const t0 = performance.now();
        const res = await fetch(`${url}/v1/models`, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/json', 'idempotency-key': `bench-${Date.now()}-${i}` },
          body: JSON.stringify({ spec }),
        });
        const { job } = (await res.json()) as { job: { id: string } };
        for (;;) {
          const j = (await (await fetch(`${url}/v1/jobs/${job.id}`, { headers: { authorization: auth } })).json()) as { status: string; last_error: string | null };
          if (j.status === 'succeeded') break;
          if (j.status === 'failed') throw new Error(`bench job failed: ${j.last_error}`);
          await new Promise((r2) => setTimeout(r2, 5));
        }
        queued.push(performance.now() - t0);
      }
      training = {
        jobs,
        direct_train_ms_median: round(median(direct)),
        via_queue_ms_median: round(median(queued)),
        overhead_ms_median: round(median(queued) - median(direct)),
        first_job_via_queue_ms: round(queued[0] as number),
        job_gap_s: jobGapMs / 1000,
        note: 'via_queue = POST /v1/models → in-process queue → worker-thread training → model + job committed → observed by polling every 5 ms. Jobs are submitted job_gap_s apart; after the first job a spare training thread with the runtime loaded is waiting (the first job pays for booting one)',
      };
    }

    return {
      benchmark: 'service',
      model: {
        runtime: useReal ? 'real (cloud/runtime.ts, 4-qubit Iris QNN on the statevector simulator)' : 'linear test double (QMLSEC_BENCH_STANDIN=1)',
        num_features: loaded.model.numFeatures,
        classes: loaded.model.classes.length,
      },
      server: { mode: 'child process, embedded PGlite, in-process queue, log level warn, run from source via tsx', audit: 'group commit: every answer waits for its audit row and quota spend', key_id: key.id },
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
      predict,
      soak: soakResult,
      training,
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await main(), null, 2));
}
