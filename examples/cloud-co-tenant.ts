/**
 * Two tenants on one chip: a victim's job and a co-tenant's job are co-scheduled onto disjoint
 * qubits of ibm_sherbrooke and simulated together, so the device's crosstalk acts between them.
 * The co-tenant hammers ECRs on the coupler next to the victim's qubit; the victim's ⟨X⟩ of |+⟩
 * decays with every gate. The same hammering far away changes nothing.
 *
 *   npx tsx examples/cloud-co-tenant.ts
 */
import { CircuitBuilder, PauliSum, QuantumCloud, getDevice, type QuantumJob } from '../src/index.js';

const DEVICE = 'ibm_sherbrooke';
const profile = getDevice(DEVICE);
const entry = [...profile.crosstalk.entries].sort((a, b) => b.error - a.error)[0];
if (!entry) throw new Error(`${DEVICE} has no crosstalk entries`);

const victim: QuantumJob = {
  tenant: 'victim', form: 'logical', circuit: new CircuitBuilder(1).h(0).build(), region: [entry.spectator],
  output: 'expectations', observables: [PauliSum.parse('X0')], shots: 4000, exact: true,
};

function hammer(coupler: readonly [number, number], n: number): QuantumJob {
  const [a, b] = coupler;
  const forward = (profile.directed_couplers ?? []).some(([c, t]) => c === a && t === b);
  const builder = new CircuitBuilder(2);
  for (let i = 0; i < n; i++) {
    if (forward) builder.ecr(0, 1);
    else builder.ecr(1, 0);
  }
  return { tenant: 'co-tenant', form: 'native', circuit: builder.build(), qubits: [a, b], output: 'expectations', observables: [PauliSum.parse('Z0')], shots: 4000, exact: true };
}

const cloud = new QuantumCloud({ id: 'shared-cloud', devices: [DEVICE], queue: 'median' });
const alone = (await cloud.submit(victim)).expectations?.[0] ?? Number.NaN;
console.log(`${DEVICE}: victim on qubit ${entry.spectator}, co-tenant on coupler ${entry.coupler.join('-')} (spectator error ${entry.error} per ECR, static ZZ ${entry.zz_khz} kHz)`);
console.log(`  victim alone:                ⟨X⟩ = ${alone.toFixed(4)}`);
for (const n of [5, 10, 20, 40]) {
  const [v, a] = await cloud.runCoScheduled([victim, hammer(entry.coupler, n)]);
  console.log(`  next to ${String(n).padStart(2)} co-tenant ECRs:  ⟨X⟩ = ${(v?.expectations?.[0] ?? Number.NaN).toFixed(4)}   (co-tenant billed $${(a?.metadata.cost_usd ?? 0).toFixed(2)})`);
}
const far = profile.coupling_map.find(([a, b]) => Math.min(Math.abs(a - entry.spectator), Math.abs(b - entry.spectator)) > 20) as [number, number];
const [v] = await cloud.runCoScheduled([victim, hammer(far, 40)]);
console.log(`  40 ECRs far away (${far.join('-')}):     ⟨X⟩ = ${(v?.expectations?.[0] ?? Number.NaN).toFixed(4)}`);
const usage = cloud.usage();
console.log(`\nthe cloud billed ${Object.entries(usage.byTenant).map(([t, u]) => `${t} $${u.cost_usd.toFixed(2)} for ${u.jobs} jobs`).join(', ')}`);
