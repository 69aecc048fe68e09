/**
 * `npm run bench`: runs every benchmark (each prints JSON) in its own process, one after the
 * other, and prints one JSON object keyed by benchmark. `npm run bench -- qnn noise` runs a
 * subset. Benchmarks run on the compiled-at-load TypeScript through tsx.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const ALL = ['statevector', 'qnn', 'noise', 'transpile', 'threat', 'service'];
const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ALL;
const unknown = wanted.filter((w) => !ALL.includes(w));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')} (known: ${ALL.join(', ')})`);
  process.exit(2);
}
const results: Record<string, unknown> = { machine: { node: process.version, cpus: (await import('node:os')).cpus().length } };
for (const name of wanted) {
  process.stderr.write(`bench: ${name}…\n`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, `${name}.ts`)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) {
    results[name] = { error: `exited with ${r.status}`, seconds };
    continue;
  }
  try {
    results[name] = JSON.parse(r.stdout);
  } catch {
    results[name] = { error: 'did not print JSON', output: r.stdout.slice(0, 2000) };
  }
}
console.log(JSON.stringify(results, null, 2));
