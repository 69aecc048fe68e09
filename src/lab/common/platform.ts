/**
 * The live QMLaaS platform the lab attacks: the real inference service (Fastify app, API
 * keys, quotas, audit log with group commit) on a real store, serving a real model artifact.
 * Clients talk to it over HTTP semantics through Fastify's `inject` (no sockets), so every
 * answer, refusal and audit row is the one a networked client would get.
 *
 * One embedded store (in-memory PGlite) is shared by every lab run in the process — its
 * initdb costs seconds — unless the caller provides one with {@link useLabStore}. Each served
 * victim gets its own service instance (its own runtime and service-side decorators), its own
 * model name and its own keys, so runs never see each other's traffic.
 */
import { pino } from 'pino';
import { InputError } from '../../core/errors.js';
import type { ModelArtifact } from '../../qml/artifact.js';
import { createService, type Service } from '../../service/service.js';
import type { ServedModel } from '../../service/model-runtime.js';
import { openPgliteDatabase } from '../../store/pglite-database.js';
import { storeFromDatabase, type Store } from '../../store/store.js';
import { newId } from '../../store/ids.js';
import { labModelRuntime } from './lab-runtime.js';
import { withOutputPolicy, type OutputPolicy } from './output-policy.js';
import { journaled, QueryJournal } from './query-journal.js';

let shared: Promise<Store> | undefined;
let provided: Store | undefined;

/** Uses `store` for the lab's services from now on (e.g. the demo's own store). */
export function useLabStore(store: Store): void {
  provided = store;
}

/** The lab's store: the provided one, or a shared in-memory PGlite opened on first use. */
export async function labStore(): Promise<Store> {
  if (provided) return provided;
  shared ??= openPgliteDatabase('memory://').then((db) => storeFromDatabase(db));
  return shared;
}

/** Closes the shared in-memory store, if one was opened (a provided store is the caller's). */
export async function closeLabStore(): Promise<void> {
  const s = shared;
  shared = undefined;
  if (s) await (await s).close();
}

/** How the victim is served. */
export interface VictimServing {
  /** Shots per prediction request (shot noise); undefined = exact. */
  readonly shots?: number;
  /** Seed of the per-request measurement seeds. */
  readonly seed: number;
  readonly output: OutputPolicy;
  /** Keep a journal of raw queries (for detectors that need inputs, e.g. PRADA). */
  readonly journal?: boolean;
}

/** An API key as a client holds it. */
export interface LabApiKey {
  readonly id: string;
  readonly secret: string;
}

/** A victim model behind the live API. */
export interface ServedVictim {
  readonly service: Service;
  readonly store: Store;
  readonly modelId: string;
  readonly classes: readonly string[];
  readonly journal: QueryJournal | undefined;
  /** The operator's admin key (keys, revocation, audit). */
  readonly admin: LabApiKey;
  /** Issues a `predict` key through the admin API (quota = max rows over its life; null = none). */
  issueKey(name: string, quota: number | null): Promise<LabApiKey>;
  /** Revokes a key through the admin API (effective at once on this server). */
  revokeKey(keyId: string): Promise<void>;
  /** Stops the service (the shared store stays open). */
  close(): Promise<void>;
}

async function call(service: Service, method: 'POST' | 'DELETE', url: string, secret: string, payload?: unknown): Promise<{ status: number; body: unknown }> {
  const res = await service.app.inject({ method, url, headers: { authorization: `Bearer ${secret}` }, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });
  return { status: res.statusCode, body: res.json() as unknown };
}

function expectStatus(what: string, res: { status: number; body: unknown }, status: number): void {
  if (res.status !== status) throw new InputError(`${what} failed with HTTP ${res.status}: ${(res.body as { detail?: string } | null)?.detail ?? JSON.stringify(res.body)}`, 'LAB_PLATFORM');
}

/** Starts a service for `artifact` (uploaded through the API) and returns its handles. */
export async function serveVictim(artifact: ModelArtifact, serving: VictimServing): Promise<ServedVictim> {
  const store = await labStore();
  const journal = serving.journal ? new QueryJournal() : undefined;
  const decorate = (m: ServedModel): ServedModel => {
    const out = withOutputPolicy(m, serving.output);
    return journal ? journaled(out, journal) : out;
  };
  const runtime = labModelRuntime({ ...(serving.shots !== undefined ? { shots: serving.shots } : {}), seed: serving.seed, decorate });
  const service = createService({ store, runtime, logger: pino({ level: 'silent' }), processMetrics: false });
  await service.app.ready();
  const { key: adminKey, secret: adminSecret } = await store.keys.create({ name: `lab-operator-${newId('op').slice(-8)}`, scopes: ['admin', 'train', 'predict'], queryQuota: null, rateLimit: null });
  const admin = { id: adminKey.id, secret: adminSecret };
  const name = `${artifact.name}-${newId('lab').replace(/[^A-Za-z0-9]/g, '').slice(-12)}`;
  const registered = await call(service, 'POST', '/v1/models', admin.secret, { name, artifact });
  expectStatus('registering the victim model', registered, 201);
  const modelId = (registered.body as { id: string }).id;
  return {
    service,
    store,
    modelId,
    classes: artifact.classes,
    journal,
    admin,
    async issueKey(keyName, quota) {
      const res = await call(service, 'POST', '/v1/keys', admin.secret, { name: keyName, scopes: ['predict'], quota, rate: null });
      expectStatus(`creating API key ${keyName}`, res, 201);
      const body = res.body as { key: { id: string }; secret: string };
      return { id: body.key.id, secret: body.secret };
    },
    async revokeKey(keyId) {
      expectStatus(`revoking API key ${keyId}`, await call(service, 'DELETE', `/v1/keys/${keyId}`, admin.secret), 200);
    },
    close: () => service.close(),
  };
}
