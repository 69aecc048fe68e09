/**
 * `qmlsec keys create|list|revoke`: API keys. The secret is printed once, at creation;
 * only its SHA-256 is stored. JSON contracts (`--format json`): create prints
 * `{ id, name, prefix, scopes, quota, rate, secret }`; list prints `[{ id, name, prefix,
 * scopes, quota, used, rate, created_at, revoked_at }]` (never secrets); revoke prints the key.
 */
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { DEFAULT_SERVICE_CONFIG } from '../../service/index.js';
import { isScope, type ApiKeyRecord, type Scope, SCOPES } from '../../store/index.js';
import { parseChoice, printJson, printLine } from '../output.js';
import { dataDirOption, withStore } from './store-location.js';

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

function parseScopes(value: string): Scope[] {
  const scopes = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = scopes.filter((s) => !isScope(s));
  if (scopes.length === 0 || bad.length > 0) {
    throw new UsageError(`--scopes must be a comma-separated list of ${SCOPES.join(', ')}${bad.length ? `; unknown: ${bad.join(', ')}` : ''}`);
  }
  return [...new Set(scopes)] as Scope[];
}

/** Parses a limit; "unlimited" stays a string (commander turns a parser's null into ''). */
function parseLimit(name: string, integer: boolean) {
  return (value: string): number | 'unlimited' => {
    if (value === 'unlimited') return value;
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n)) || (!integer && n === 0)) {
      throw new UsageError(`${name} must be ${integer ? 'a non-negative integer' : 'a positive number'} or "unlimited", got "${value}"`);
    }
    return n;
  };
}

/** The JSON form of a key (no secret). */
function keyJson(k: ApiKeyRecord): Record<string, unknown> {
  return { id: k.id, name: k.name, prefix: k.prefix, scopes: k.scopes, quota: k.queryQuota, used: k.queriesUsed, rate: k.rateLimit, created_at: k.createdAt, revoked_at: k.revokedAt };
}

/** Registers `keys create`, `keys list`, `keys revoke`. */
export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('API keys of the inference service (stored hashed; the secret is shown once)');

  const create = keys
    .command('create')
    .description('create an API key and print its secret (once)')
    .requiredOption('--scopes <list>', `comma-separated scopes: ${SCOPES.join(', ')}`, parseScopes)
    .option('--quota <n>', `maximum predicted input rows over the key's life, or "unlimited" (default ${DEFAULT_SERVICE_CONFIG.defaultQueryQuota})`, parseLimit('--quota', true))
    .option('--rate <r>', `requests per second, or "unlimited" (default ${DEFAULT_SERVICE_CONFIG.defaultRateLimit})`, parseLimit('--rate', false))
    .option('--name <name>', 'a label for the key', 'default')
    .option('--format <format>', `output format: ${FORMATS.join(' or ')}`, parseChoice('--format', FORMATS), 'text');
  dataDirOption(create).action(async (options: { scopes: Scope[]; quota?: number | 'unlimited'; rate?: number | 'unlimited'; name: string; format: Format; dataDir: string }) => {
    const limit = (v: number | 'unlimited' | undefined, fallback: number | null): number | null => (v === undefined ? fallback : v === 'unlimited' ? null : v);
    const { key, secret } = await withStore(options, (store) =>
      store.keys.create({
        name: options.name,
        scopes: options.scopes,
        queryQuota: limit(options.quota, DEFAULT_SERVICE_CONFIG.defaultQueryQuota),
        rateLimit: limit(options.rate, DEFAULT_SERVICE_CONFIG.defaultRateLimit),
      }),
    );
    if (options.format === 'json') {
      printJson({ id: key.id, name: key.name, prefix: key.prefix, scopes: key.scopes, quota: key.queryQuota, rate: key.rateLimit, secret });
      return;
    }
    printLine(`created API key ${key.id} "${key.name}" — scopes ${key.scopes.join(',')}, quota ${key.queryQuota ?? 'unlimited'}, rate ${key.rateLimit ?? 'unlimited'}/s`);
    printLine('secret (shown only now; store it safely):');
    printLine(secret);
  });

  const list = keys
    .command('list')
    .description('list API keys (never their secrets)')
    .option('--format <format>', `output format: ${FORMATS.join(' or ')}`, parseChoice('--format', FORMATS), 'text');
  dataDirOption(list).action(async (options: { format: Format; dataDir: string }) => {
    const rows = await withStore(options, (store) => store.keys.list());
    if (options.format === 'json') {
      printJson(rows.map(keyJson));
      return;
    }
    if (rows.length === 0) {
      printLine('no API keys (create one with `qmlsec keys create --scopes predict`)');
      return;
    }
    printLine(`${'id'.padEnd(20)}  ${'name'.padEnd(12)}  ${'prefix'.padEnd(11)}  ${'scopes'.padEnd(20)}  ${'used/quota'.padEnd(16)}  ${'rate/s'.padEnd(9)}  status`);
    for (const k of rows) {
      const quota = `${k.queriesUsed}/${k.queryQuota ?? '∞'}`;
      printLine(`${k.id.padEnd(20)}  ${k.name.slice(0, 12).padEnd(12)}  ${k.prefix.padEnd(11)}  ${k.scopes.join(',').padEnd(20)}  ${quota.padEnd(16)}  ${String(k.rateLimit ?? '∞').padEnd(9)}  ${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}`);
    }
  });

  const revoke = keys
    .command('revoke')
    .description('revoke an API key (a running server notices within its key-cache TTL, 2 s; DELETE /v1/keys/ID is immediate)')
    .argument('<id>', 'key id (see `qmlsec keys list`)')
    .option('--format <format>', `output format: ${FORMATS.join(' or ')}`, parseChoice('--format', FORMATS), 'text');
  dataDirOption(revoke).action(async (id: string, options: { format: Format; dataDir: string }) => {
    const key = await withStore(options, (store) => store.keys.revoke(id));
    if (options.format === 'json') printJson(keyJson(key));
    else printLine(`revoked API key ${key.id} "${key.name}" at ${key.revokedAt}`);
  });
}
