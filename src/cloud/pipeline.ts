/**
 * The QMLaaS pipeline of one deployment: its parties wired behind trust boundaries. It builds a
 * `QuantumCloud` for every executing quantum-cloud party (or takes providers given to it),
 * `HonestClassicalProvider`s for the classical parties, and, per executing provider and phase,
 * a `CloudExecutor` through which the unchanged QML code runs its circuits as jobs:
 *
 *     designer (S2) ──[S3: logical circuits]──▶ transpiler (S3) ──[S4: native circuits]──▶ quantum cloud (S4)
 *          └───────────────[S3: logical circuits, when the cloud transpiles]──────────────▶ quantum cloud
 *     quantum cloud ──[S4: measurement outputs]──▶ gradient party (S5)
 *
 * Every arrow is a {@link TrustBoundary} send (the ledger); the arrow into the quantum cloud is a
 * {@link ProviderChannel}. Decorators plug in on either side of it: `provider` wraps the cloud
 * behind the boundary (an adversary), `client` wraps the client's view in front of it (a
 * defense). The honest path is the same object graph either way.
 */
import type { DeviceBackendOptions } from '../devices/device-backend.js';
import { findParty, type Deployment, type Party } from '../deploy/deployment.js';
import type { ExecutionBatch } from '../sim/backend.js';
import type { PreparedCircuit } from '../qml/gradients/executor.js';
import type { Circuit } from '../circuit/circuit.js';
import type { Observable } from '../sim/pauli.js';
import { targetForDevice } from '../transpile/target-from-device.js';
import { InputError, UsageError } from '../core/errors.js';
import { getDevice } from '../devices/catalog.js';
import { HonestClassicalProvider, type ClassicalProvider } from './classical-provider.js';
import { CloudExecutor } from './cloud-executor.js';
import type { QueueWaitMode } from './device-queue.js';
import type { JobResult, QuantumJob, QuantumProvider } from './job.js';
import { jobAssets, ProviderChannel, type PipelinePhase } from './provider-channel.js';
import { ProviderTranspiler } from './provider-transpiler.js';
import { QuantumCloud, type CloudSimulation, type QuantumCloudState } from './quantum-cloud.js';
import { PlacementRegistry } from './region-backend.js';
import { deploymentRoles, type DeploymentRoles, type ExecutionRoute } from './roles.js';
import { TrustBoundary } from './trust-boundary.js';
import { VirtualClock } from './virtual-clock.js';

/** Where a client-side decorator sits: who submits to which provider, in which phase. */
export interface ClientRoute {
  readonly from: string;
  readonly provider: string;
  readonly device: string;
  readonly phase: PipelinePhase;
}

/** How to build and run a pipeline. */
export interface DeploymentPipelineOptions {
  /** Seed of queue waits, transpilation and shot sampling (default 0). */
  readonly seed?: number;
  /** Shots per circuit (default: the deployment's `execution.shots`). */
  readonly shots?: number;
  /** `noisy` (default): devices with their noise and shots; `ideal`: exact statevector, no transpilation. */
  readonly simulation?: CloudSimulation;
  readonly queue?: QueueWaitMode;
  /** Per quantum cloud, which of its devices to use (default: its first). */
  readonly devices?: Readonly<Record<string, string>>;
  /** Noise options of the devices (e.g. `{ crosstalk: false }`). */
  readonly noise?: DeviceBackendOptions;
  /** Ready-made providers by party ID (e.g. a cloud shared with other tenants) instead of new honest clouds. */
  readonly providers?: Readonly<Record<string, QuantumProvider>>;
  /** Decorates each quantum cloud behind the trust boundary (adversaries). */
  readonly provider?: (provider: QuantumProvider, party: Party) => QuantumProvider;
  /** Decorates the client's view of a quantum cloud in front of the trust boundary (defenses). */
  readonly client?: (provider: QuantumProvider, route: ClientRoute) => QuantumProvider;
  /** Decorates classical providers. */
  readonly classical?: (provider: ClassicalProvider, party: Party) => ClassicalProvider;
  /** Shared virtual clock (default: a new one at 0). */
  readonly clock?: VirtualClock;
}

/** What the data owner was billed for, as the returned jobs say (its invoice). */
export interface Invoice {
  readonly jobs: number;
  readonly circuits: number;
  /** Shots summed over circuits. */
  readonly shots: number;
  readonly billable_s: number;
  readonly queue_wait_s: number;
  readonly cost_usd: number;
  /** Per provider and device, `provider/device`. */
  readonly byDevice: Readonly<Record<string, { readonly jobs: number; readonly cost_usd: number; readonly billable_s: number }>>;
}

/** What a checkpoint carries of a pipeline. */
export interface DeploymentPipelineState {
  readonly clock: number;
  readonly ledger: ReturnType<TrustBoundary['state']>;
  readonly invoice: Invoice;
  readonly clouds: Readonly<Record<string, QuantumCloudState>>;
}

const NO_INVOICE: Invoice = { jobs: 0, circuits: 0, shots: 0, billable_s: 0, queue_wait_s: 0, cost_usd: 0, byDevice: {} };

function bill(invoice: Invoice, r: JobResult): Invoice {
  const m = r.metadata;
  const key = `${m.provider}/${m.device}`;
  const d = invoice.byDevice[key] ?? { jobs: 0, cost_usd: 0, billable_s: 0 };
  return {
    jobs: invoice.jobs + 1, circuits: invoice.circuits + m.circuits, shots: invoice.shots + m.circuits * m.shots,
    billable_s: invoice.billable_s + m.billable_s, queue_wait_s: invoice.queue_wait_s + m.queue_wait_s, cost_usd: invoice.cost_usd + m.cost_usd,
    byDevice: { ...invoice.byDevice, [key]: { jobs: d.jobs + 1, cost_usd: d.cost_usd + m.cost_usd, billable_s: d.billable_s + m.billable_s } },
  };
}

/** A deployment's parties, providers and trust boundaries (see the module comment). */
export class DeploymentPipeline {
  readonly roles: DeploymentRoles;
  readonly clock: VirtualClock;
  readonly boundary: TrustBoundary;
  readonly seed: number;
  readonly shots: number;
  readonly simulation: CloudSimulation;
  /** The honest clouds this pipeline built, by party ID. */
  readonly clouds: ReadonlyMap<string, QuantumCloud>;
  private readonly providers = new Map<string, QuantumProvider>();
  private readonly classicals = new Map<string, ClassicalProvider>();
  private readonly executors = new Map<string, CloudExecutor>();
  private spent: Invoice = NO_INVOICE;

  constructor(readonly deployment: Deployment, private readonly options: DeploymentPipelineOptions = {}) {
    this.roles = deploymentRoles(deployment, options.devices);
    this.clock = options.clock ?? new VirtualClock();
    this.boundary = new TrustBoundary(deployment.name, this.clock);
    this.seed = options.seed ?? deployment.execution.seed ?? 0;
    this.shots = options.shots ?? deployment.execution.shots;
    this.simulation = options.simulation ?? 'noisy';
    const clouds = new Map<string, QuantumCloud>();
    for (const route of this.roles.routes) {
      const party = this.party(route.provider);
      let provider = options.providers?.[route.provider];
      if (!provider) {
        const cloud = new QuantumCloud({
          id: party.id, devices: party.devices, clock: this.clock, seed: this.seed, simulation: this.simulation,
          ...(options.queue ? { queue: options.queue } : {}), ...(options.noise ? { noise: options.noise } : {}),
          transpiler: { level: deployment.transpiler.optimizationLevel ?? 1, seed: this.seed },
          ...(party.tenancy === 'dedicated' ? { dedicatedTo: [this.roles.owner] } : {}),
        });
        clouds.set(party.id, cloud);
        provider = cloud;
      }
      this.providers.set(route.provider, options.provider ? options.provider(provider, party) : provider);
    }
    this.clouds = clouds;
  }

  /** The deployment's party `id`. */
  party(id: string): Party {
    const p = findParty(this.deployment, id);
    if (!p) throw new InputError(`deployment "${this.deployment.name}" has no party "${id}"`, 'DEPLOYMENT');
    return p;
  }

  /** The classical provider run by party `id` (built once, decorated when asked). */
  classical(id: string): ClassicalProvider {
    let c = this.classicals.get(id);
    if (!c) {
      const honest = new HonestClassicalProvider(id);
      c = this.options.classical ? this.options.classical(honest, this.party(id)) : honest;
      this.classicals.set(id, c);
    }
    return c;
  }

  /** Records a message across a trust boundary (see {@link TrustBoundary.send}). */
  send<T>(...args: Parameters<TrustBoundary['send']>): T {
    return this.boundary.send(...args) as T;
  }

  /** What the jobs of this pipeline cost so far (from the results the providers returned). */
  get invoice(): Invoice {
    return this.spent;
  }

  /** The state a checkpoint carries: clock, ledger, invoice, and the queues of the clouds built here. */
  state(): DeploymentPipelineState {
    return {
      clock: this.clock.now(), ledger: this.boundary.state(), invoice: this.spent,
      clouds: Object.fromEntries([...this.clouds].map(([id, c]) => [id, c.state()])),
    };
  }

  /** Restores a checkpointed state. */
  restore(state: DeploymentPipelineState): void {
    this.clock.advanceTo(state.clock);
    this.boundary.restore(state.ledger);
    this.spent = state.invoice;
    for (const [id, c] of Object.entries(state.clouds)) this.clouds.get(id)?.restore(c);
  }

  /**
   * The executor that runs a phase's circuits on execution route `index` (0-based, in the
   * deployment's S4 order). Built once per route and phase.
   */
  executor(index: number, phase: PipelinePhase): CloudExecutor {
    const route = this.roles.routes[index % this.roles.routes.length] as ExecutionRoute;
    const key = `${route.provider}|${phase}`;
    let ex = this.executors.get(key);
    if (!ex) {
      ex = this.buildExecutor(route, phase);
      this.executors.set(key, ex);
    }
    return ex;
  }

  private buildExecutor(route: ExecutionRoute, phase: PipelinePhase): CloudExecutor {
    const roles = this.roles;
    const origin = phase === 'training' ? roles.designer : (roles.server as string);
    const resultsTo = phase === 'training' ? roles.gradients : (roles.server as string);
    const submitter = route.providerTranspiles ? origin : route.transpiler;
    const inner = this.providers.get(route.provider) as QuantumProvider;
    const channel = new ProviderChannel(inner, this.boundary, { from: submitter, resultsTo, phase });
    const view = this.options.client ? this.options.client(channel, { from: submitter, provider: route.provider, device: route.device, phase }) : channel;
    this.boundary.send(phase === 'training' ? 'S4' : 'I2', roles.owner, submitter, ['provider-credentials'], null, `token to submit ${phase} jobs on the owner's account`);
    const placements = new PlacementRegistry();
    const clientTranspiles = !route.providerTranspiles && this.simulation === 'noisy';
    const prepare = clientTranspiles ? this.clientTranspiler(route.device, placements) : undefined;
    const exact = this.simulation === 'ideal';
    const placementOf = (circuit: Circuit): readonly number[] => {
      const qubits = placements.lookup(circuit);
      if (!qubits) throw new UsageError(`circuit "${circuit.name}" was not transpiled for ${route.device} by ${route.transpiler}; run it through the executor's prepare step`);
      return qubits;
    };
    const send = (batch: ExecutionBatch) => {
      const job: QuantumJob = {
        tenant: roles.owner, device: route.device, form: route.providerTranspiles ? 'logical' : 'native', circuit: batch.circuit,
        ...(clientTranspiles ? { qubits: placementOf(batch.circuit) } : {}),
        output: batch.output === 'counts' ? 'counts' : 'expectations',
        ...(batch.observables ? { observables: batch.observables } : {}),
        ...(batch.inputs ? { inputs: batch.inputs } : {}), ...(batch.weights ? { weights: batch.weights } : {}),
        shots: this.shots, ...(batch.shots === undefined ? { exact: true } : {}), seed: typeof batch.seed === 'number' ? batch.seed : 0,
        label: `${phase} via ${route.provider}`,
      };
      if (!route.providerTranspiles && route.transpiler !== origin) {
        // The transpiling party receives the logical circuits (the native ones are its output).
        this.boundary.send(phase === 'training' ? 'S3' : 'I2', origin, route.transpiler, jobAssets({ ...job, form: 'logical' }, phase), job, 'logical circuits to transpile, features and weights bound');
      }
      return view.submit(job).then((r) => {
        this.spent = bill(this.spent, r);
        return r;
      });
    };
    return new CloudExecutor({
      name: `cloud:${route.provider}/${route.device}`, maxQubits: getDevice(route.device).num_qubits, send,
      ...(exact ? {} : { shots: this.shots }), ...(prepare ? { prepare } : {}),
    });
  }

  /** Client-side transpilation to `device`: once per template, placed on the region it occupies. */
  private clientTranspiler(device: string, placements: PlacementRegistry): (circuit: Circuit, observables: readonly Observable[]) => PreparedCircuit {
    const transpiler = new ProviderTranspiler(targetForDevice(device), { level: this.deployment.transpiler.optimizationLevel ?? 1, seed: this.seed });
    const cache = new WeakMap<Circuit, PreparedCircuit>();
    return (circuit, observables) => {
      const hit = cache.get(circuit);
      if (hit && hit.observables.length === observables.length) return hit;
      const placed = transpiler.place(circuit, observables);
      placements.register(placed.circuit, placed.qubits);
      const prepared = { circuit: placed.circuit, observables: placed.observables };
      cache.set(circuit, prepared);
      return prepared;
    };
  }
}
