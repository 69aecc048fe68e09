/**
 * The demo's deployment, embedded so that `npm start` needs no files: the Iris model as a
 * service. The data owner keeps the data; a classical cloud preprocesses, computes gradients,
 * optimises and hosts the public API; an untrusted quantum cloud transpiles and executes on a
 * noisy IBM Falcon (ibm_nairobi, 7 qubits) — with a worse twin (ibm_lagos) in its fleet, and
 * other tenants on the chip.
 */
export const DEMO_DEPLOYMENT_YAML = `
name: qmlsec-demo
description: Iris classifier as a service — classical cloud plus an untrusted quantum cloud on a noisy device.
dataset: iris
model:
  qubits: 4
  encoder: angle
  ansatz: strongly-entangling
  layers: 2
parties:
  - id: owner
    role: data-owner
  - id: ml-cloud
    role: classical-cloud
    name: Classical cloud
    trust: honest-but-curious
  - id: qpu-cloud
    role: quantum-cloud
    name: Budget quantum cloud
    trust: untrusted
    devices: [ibm_nairobi, ibm_lagos]
    tenancy: shared
  - id: public
    role: api-client
workflow:
  S1: ml-cloud
  S2: owner
  S3: qpu-cloud
  S4: qpu-cloud
  S5: ml-cloud
  S6: ml-cloud
  I1: ml-cloud
  I2: ml-cloud
execution:
  shots: 300
serving:
  publicApi: true
  returns: probabilities
mitigations: []
`;
