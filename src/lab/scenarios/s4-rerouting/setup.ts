/**
 * Where scenario 4 happens: an untrusted quantum cloud of the deployment that executes the
 * circuits (workflow S4), the devices it advertises, and for each of them the cheaper, worse
 * chip the insider can run jobs on without the job failing — same native gates, a lattice the
 * job's couplers embed in. The pairs come from the catalog (measured there, see the devices
 * room README):
 *
 * - ibm_nairobi → ibm_lagos: the same Falcon r5.11H "H" of 7 qubits and the same numbering; the
 *   Lagos snapshot is a degraded readout day (median 0.169 vs 0.022) behind a congested open-plan
 *   queue (median wait 7200 s vs 3600 s).
 * - ibmq_manila → ibm_lagos: Manila's 5-qubit line embeds in the H.
 * - ibm_fez → ibm_torino: Heron r2 → Heron r1, both CZ; readout 0.023 vs 0.0076 (Torino lacks
 *   the fractional rzz, so native jobs that use it cannot be moved).
 */
import { InputError } from '../../../core/errors.js';
import { parseDeploymentValue } from '../../../deploy/load.js';
import { performersOf, type Deployment, type Party } from '../../../deploy/deployment.js';
import { deploymentRoles } from '../../../cloud/roles.js';

/** Claimed device → the worse device it is silently replaced by. */
export const REROUTE_TARGETS: Readonly<Record<string, string>> = {
  ibm_nairobi: 'ibm_lagos',
  ibmq_manila: 'ibm_lagos',
  ibm_fez: 'ibm_torino',
};

/** One claimed → actual substitution. */
export interface ReroutePair {
  readonly claimed: string;
  readonly actual: string;
}

/** The attacker's place in a deployment. */
export interface ReroutePlan {
  /** The untrusted quantum cloud. */
  readonly cloud: Party;
  /** Index of its execution route in the pipeline (S4 order). */
  readonly routeIndex: number;
  /** Substitutions it can make, in the order it advertises the claimed devices. */
  readonly pairs: readonly ReroutePair[];
  /** Devices it runs without advertising them. */
  readonly hidden: readonly string[];
}

/**
 * The plan for `deployment`, or a clear error when it has no untrusted quantum cloud executing
 * the circuits, or when none of that cloud's devices has a worse twin in the catalog.
 */
export function reroutePlan(deployment: Deployment): ReroutePlan {
  const executing = performersOf(deployment, 'S4');
  const clouds = deployment.parties.filter((p) => p.role === 'quantum-cloud');
  const untrusted = clouds.filter((p) => p.trust === 'untrusted' && executing.includes(p.id));
  if (untrusted.length === 0) {
    const seen = clouds.length === 0 ? 'it has no quantum cloud' : `its quantum clouds are ${clouds.map((p) => `${p.id} (${p.trust}${executing.includes(p.id) ? '' : ', not executing'})`).join(', ')}`;
    throw new InputError(`scenario s4-rerouting needs an untrusted quantum cloud that executes the circuits (workflow S4), where a quantum-cloud insider controls which device runs a job; deployment "${deployment.name}" has none: ${seen}`, 'DEPLOYMENT');
  }
  const known = Object.keys(REROUTE_TARGETS);
  for (const cloud of untrusted) {
    const pairs = cloud.devices.filter((d) => REROUTE_TARGETS[d] !== undefined).map((d) => ({ claimed: d, actual: REROUTE_TARGETS[d] as string }));
    if (pairs.length === 0) continue;
    const routeIndex = deploymentRoles(deployment).routes.findIndex((r) => r.provider === cloud.id);
    const hidden = [...new Set(pairs.map((p) => p.actual))].filter((d) => !cloud.devices.includes(d));
    return { cloud, routeIndex, pairs, hidden };
  }
  throw new InputError(`scenario s4-rerouting needs the untrusted quantum cloud to offer a device with a silently substitutable, worse twin (one of ${known.join(', ')}); ${untrusted.map((p) => `${p.id} offers ${p.devices.join(', ') || 'no device'}`).join('; ')}`, 'DEPLOYMENT');
}

/**
 * The scenario's own deployment: the Iris classifier served by its owner, whose circuits a
 * budget quantum cloud it does not trust transpiles and runs on ibm_nairobi or ibm_fez.
 */
export function defaultReroutingDeployment(): Deployment {
  return parseDeploymentValue({
    name: 's4-rerouting',
    description: 'Iris classifier; an untrusted budget quantum cloud transpiles and executes on ibm_nairobi or ibm_fez.',
    dataset: 'iris',
    model: { qubits: 4, encoder: 'angle', ansatz: 'strongly-entangling', layers: 2 },
    parties: [
      { id: 'owner', role: 'data-owner' },
      { id: 'budget-qpu', role: 'quantum-cloud', name: 'Budget quantum cloud', trust: 'untrusted', devices: ['ibm_nairobi', 'ibm_fez'], tenancy: 'shared' },
    ],
    workflow: { S1: 'owner', S2: 'owner', S3: 'budget-qpu', S4: 'budget-qpu', S5: 'owner', S6: 'owner', I1: 'owner', I2: 'owner' },
    execution: { shots: 2000 },
    serving: { publicApi: false, returns: 'label' },
    mitigations: [],
  });
}
