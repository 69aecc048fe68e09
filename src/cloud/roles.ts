/**
 * Who does what in a deployment, as the pipeline runs it. Steps performed by several parties
 * are done by the first one listed, except execution (S4): every listed quantum cloud gets jobs,
 * one training step after the other in turn. A quantum cloud that also performs S3 transpiles the
 * logical circuits it receives; for the others the first S3 performer that is not a quantum cloud
 * transpiles on the client side and submits native circuits.
 */
import { InputError, NotFoundError } from '../core/errors.js';
import { dataOwnerOf, findParty, partiesWithRole, performersOf, type Deployment } from '../deploy/deployment.js';
import type { WorkflowStep } from '../deploy/vocabulary.js';

/** How jobs reach one executing quantum cloud. */
export interface ExecutionRoute {
  /** The quantum cloud (S4 performer). */
  readonly provider: string;
  /** The device its jobs run on. */
  readonly device: string;
  /** True when the provider transpiles (it also performs S3) and receives logical circuits. */
  readonly providerTranspiles: boolean;
  /** The party that transpiles for this provider (the provider itself, or a client-side party). */
  readonly transpiler: string;
}

/** The parties that perform each part of the pipeline. */
export interface DeploymentRoles {
  readonly owner: string;
  /** S1. */
  readonly preprocessor: string;
  /** S2: designs the circuit and binds features and weights. */
  readonly designer: string;
  /** S3/S4, one route per executing quantum cloud. */
  readonly routes: readonly ExecutionRoute[];
  /** S5: post-processing, loss and gradients. */
  readonly gradients: string;
  /** S6: the optimiser. */
  readonly optimizer: string;
  /** I1, when the model is served. */
  readonly host?: string;
  /** I2, when the model is served. */
  readonly server?: string;
  /** API clients (parties with role api-client). */
  readonly clients: readonly string[];
}

function first(deployment: Deployment, step: WorkflowStep): string {
  const p = performersOf(deployment, step)[0];
  if (p === undefined) throw new InputError(`deployment "${deployment.name}" names nobody for ${step}`, 'DEPLOYMENT');
  return p;
}

/** The roles of a deployment; `devices` picks, per quantum cloud, one of its devices (default: its first). */
export function deploymentRoles(deployment: Deployment, devices: Readonly<Record<string, string>> = {}): DeploymentRoles {
  const s3 = performersOf(deployment, 'S3');
  const s4 = performersOf(deployment, 'S4');
  const external = s3.find((p) => !s4.includes(p));
  for (const id of Object.keys(devices)) {
    if (!s4.includes(id)) throw new NotFoundError(`a device was chosen for "${id}", which is not a quantum cloud executing S4 (those are: ${s4.join(', ')})`);
  }
  const routes = s4.map((provider): ExecutionRoute => {
    const party = findParty(deployment, provider);
    const offered = party?.devices ?? [];
    const device = devices[provider] ?? offered[0];
    if (device === undefined) throw new InputError(`quantum cloud "${provider}" offers no device`, 'DEPLOYMENT');
    if (!offered.includes(device)) throw new NotFoundError(`quantum cloud "${provider}" does not offer ${device} (it offers: ${offered.join(', ')})`);
    const providerTranspiles = s3.includes(provider);
    if (!providerTranspiles && external === undefined) {
      throw new InputError(`quantum cloud "${provider}" executes (S4) but does not transpile (S3), and no other S3 party can transpile for it`, 'DEPLOYMENT');
    }
    return { provider, device, providerTranspiles, transpiler: providerTranspiles ? provider : (external as string) };
  });
  const served = deployment.serving !== undefined;
  return {
    owner: dataOwnerOf(deployment),
    preprocessor: first(deployment, 'S1'),
    designer: first(deployment, 'S2'),
    routes,
    gradients: first(deployment, 'S5'),
    optimizer: first(deployment, 'S6'),
    ...(served ? { host: first(deployment, 'I1'), server: first(deployment, 'I2') } : {}),
    clients: partiesWithRole(deployment, 'api-client').map((p) => p.id),
  };
}
