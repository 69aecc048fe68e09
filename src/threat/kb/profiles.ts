/**
 * Attacker profiles (positions) and objectives. A profile's starting capabilities depend on
 * the deployment: see `context.ts` for how `insiderOf`, trust levels and the exposure ledger
 * turn into tokens.
 */
import type { AttackerProfile, Objective } from '../model.js';

/** The six attacker positions. */
export const PROFILES: readonly AttackerProfile[] = [
  {
    id: 'api-client',
    name: 'API client',
    description: 'An outsider who can only call the public inference API (black-box access).',
    base: ['pos:api-client'],
    grants: [{ when: ['env:public-api'], tokens: ['acc:inference-api'] }],
    insiderOf: [],
  },
  {
    id: 'co-tenant',
    name: 'Co-tenant',
    description: 'Another customer of the victim\'s quantum provider, whose circuits may run on the same QPU.',
    base: ['pos:co-tenant'],
    grants: [],
    insiderOf: [],
  },
  {
    id: 'classical-cloud-insider',
    name: 'Classical-cloud insider',
    description: 'A malicious operator or employee of a classical cloud or model host of the pipeline.',
    base: ['pos:classical-cloud-insider'],
    grants: [],
    insiderOf: ['classical-cloud', 'model-host'],
  },
  {
    id: 'quantum-cloud-insider',
    name: 'Quantum-cloud insider',
    description: 'A malicious operator or employee of a quantum cloud that executes (and maybe transpiles) the circuits.',
    base: ['pos:quantum-cloud-insider'],
    grants: [],
    insiderOf: ['quantum-cloud'],
  },
  {
    id: 'compiler-vendor',
    name: 'Compiler vendor',
    description: 'The supplier of the transpiler software or operator of a compilation service.',
    base: ['pos:compiler-vendor'],
    grants: [],
    insiderOf: ['compiler-vendor'],
  },
  {
    id: 'data-supplier',
    name: 'Data supplier',
    description: 'An external source of part of the training data (a labelling vendor, a public dataset).',
    base: ['pos:data-supplier'],
    grants: [],
    insiderOf: ['data-supplier'],
  },
];

/** The attacker objectives. */
export const OBJECTIVES: readonly Objective[] = [
  { id: 'steal-model-ip', name: 'Steal model IP', description: 'Obtain the encoding circuit, PQC architecture, trained parameters or a functional copy of the model.', goals: ['obj:model-ip-stolen'], dimension: 'confidentiality' },
  { id: 'steal-training-data', name: 'Steal training data', description: 'Obtain training samples or labels, or infer facts about them.', goals: ['obj:training-data-stolen'], dimension: 'confidentiality' },
  { id: 'targeted-misclassification', name: 'Targeted misclassification', description: 'Make chosen inputs receive the label the attacker wants.', goals: ['obj:targeted-misclassification'], dimension: 'integrity' },
  { id: 'degrade-integrity', name: 'Degrade integrity', description: 'Lower the model\'s accuracy or corrupt its results.', goals: ['obj:integrity-degraded'], dimension: 'integrity' },
  { id: 'deny-service', name: 'Deny service', description: 'Stop or delay training or inference.', goals: ['obj:service-denied'], dimension: 'availability' },
  { id: 'inflate-cost', name: 'Inflate cost', description: 'Make the owner pay for QPU time or services it did not get or need.', goals: ['obj:cost-inflated'], dimension: 'availability' },
];
