/**
 * The provider side of scenario 4, wired into the deployment's pipeline: the untrusted cloud's
 * real fleet (the devices it advertises plus the worse ones it keeps quiet about, one queue each
 * on the pipeline's virtual clock), optionally behind the {@link ReroutingProvider}, with an
 * optional client-side defense in front of the trust boundary. Queue waits are fixed at the
 * profiles' medians so that latency differences come from the devices and the defenses, not
 * from the log-normal draw.
 */
import type { QuantumProvider } from '../../../cloud/job.js';
import { DeploymentPipeline } from '../../../cloud/pipeline.js';
import { QuantumCloud } from '../../../cloud/quantum-cloud.js';
import { VirtualClock } from '../../../cloud/virtual-clock.js';
import { dataOwnerOf, type Deployment } from '../../../deploy/deployment.js';
import { ReroutingProvider } from './rerouting-provider.js';
import type { ReroutePair, ReroutePlan } from './setup.js';

/** The untrusted cloud's whole fleet as an honest provider (hidden devices included). */
export function fleetCloud(deployment: Deployment, plan: ReroutePlan, seed: number, clock = new VirtualClock()): QuantumCloud {
  const { cloud } = plan;
  return new QuantumCloud({
    id: cloud.id, devices: [...cloud.devices, ...plan.hidden], clock, seed, queue: 'median',
    transpiler: { level: deployment.transpiler.optimizationLevel ?? 1, seed },
    ...(cloud.tenancy === 'dedicated' ? { dedicatedTo: [dataOwnerOf(deployment)] } : {}),
  });
}

/** How one pipeline of the scenario is set up. */
export interface FleetVariant {
  /** Fraction of the claimed device's jobs the insider reroutes (omitted: an honest cloud). */
  readonly rerouteFraction?: number;
  /** Wraps the client's view of the untrusted cloud (a defense). */
  readonly defense?: (provider: QuantumProvider) => QuantumProvider;
}

/** A pipeline whose untrusted cloud runs `pair.claimed` as asked, or reroutes it (see {@link FleetVariant}). */
export function fleetPipeline(deployment: Deployment, plan: ReroutePlan, pair: ReroutePair, variant: FleetVariant, seed: number): { pipeline: DeploymentPipeline; rerouter?: ReroutingProvider } {
  const clock = new VirtualClock();
  const id = plan.cloud.id;
  const made: { rerouter?: ReroutingProvider } = {};
  const pipeline = new DeploymentPipeline(deployment, {
    seed, clock, queue: 'median',
    devices: { [id]: pair.claimed },
    providers: { [id]: fleetCloud(deployment, plan, seed, clock) },
    provider: (p, party) => {
      if (party.id !== id || variant.rerouteFraction === undefined) return p;
      made.rerouter = new ReroutingProvider(p, { routes: { [pair.claimed]: pair.actual }, fraction: variant.rerouteFraction, seed, advertised: plan.cloud.devices });
      return made.rerouter;
    },
    client: (p, route) => (route.provider === id && variant.defense ? variant.defense(p) : p),
  });
  return { pipeline, ...made };
}
