/**
 * The capability tokens techniques consume and produce. A token's prefix says what kind of fact
 * it is:
 *
 * - `pos:` the attacker's position (from the profile);
 * - `env:` a fact about the deployment (from the deployment file);
 * - `has:` an asset the attacker's party received (from the exposure ledger);
 * - `ctl:` something an untrusted party controls because it performs a workflow step;
 * - `acc:` access gained; `know:` knowledge gained; `obs:` observations; `ev:` evasion means;
 *   `exec:` code running; `persist:` implants; `col:` collected assets; `cap:` attack
 *   capabilities; `obj:` objectives reached.
 */
import type { CapabilityToken } from '../model.js';

const t = (id: string, description: string): CapabilityToken => ({ id, description });

/** Every declared token. Techniques may only use these. */
export const TOKENS: readonly CapabilityToken[] = [
  t('pos:api-client', 'the attacker is a client of the public inference API'),
  t('pos:co-tenant', 'the attacker is another customer of the victim\'s quantum provider'),
  t('pos:classical-cloud-insider', 'the attacker operates inside a classical cloud or model host of the pipeline'),
  t('pos:quantum-cloud-insider', 'the attacker operates inside a quantum cloud of the pipeline'),
  t('pos:compiler-vendor', 'the attacker supplies the transpiler or runs the compilation service'),
  t('pos:data-supplier', 'the attacker supplies part of the training data'),

  t('env:public-api', 'the trained model is served through a public inference API'),
  t('env:api-returns-scores', 'the API returns class probabilities (rounded or full), not only labels'),
  t('env:api-returns-full-probabilities', 'the API returns full-precision class probabilities'),
  t('env:quantum-cloud', 'circuits run on a cloud quantum provider whose devices publish calibration data'),
  t('env:multi-tenant-qpu', 'an executing QPU is shared with other customers'),
  t('env:third-party-compiler', 'the transpiler software comes from a third-party vendor'),
  t('env:third-party-data', 'part of the training data comes from an external supplier'),
  t('env:multiple-quantum-providers', 'circuits are split across more than one quantum provider'),
  t('env:pulse-level-access', 'customers may submit pulse-level programs to a shared QPU'),

  t('acc:inference-api', 'can send queries to the inference API'),
  t('acc:qpu-submit', 'can submit own jobs to the victim\'s quantum provider'),
  t('acc:co-located', 'runs circuits on qubits physically next to the victim\'s'),
  t('acc:whitebox-circuits', 'can read the victim\'s circuits in full'),
  t('acc:victim-qpu-account', 'can act on the owner\'s quantum-provider account'),

  t('has:raw-data', 'received the raw training data'),
  t('has:labels', 'received the training labels'),
  t('has:preprocessed-features', 'received preprocessed training features (possibly bound into circuits)'),
  t('has:encoding-circuit', 'received the logical data-encoding circuit'),
  t('has:pqc-architecture', 'received the logical PQC architecture'),
  t('has:trained-weights', 'received trained or intermediate parameter values'),
  t('has:transpiled-circuit', 'received transpiled (physical) circuits'),
  t('has:measurement-outputs', 'received measurement results'),
  t('has:gradients', 'received gradients'),
  t('has:provider-credentials', 'received the owner\'s quantum-provider token'),
  t('has:inference-queries', 'received raw client queries'),
  t('has:inference-features', 'received preprocessed query features bound into circuits'),
  t('has:predictions', 'received API predictions'),

  t('ctl:preprocessing', 'controls the preprocessing step (S1)'),
  t('ctl:classical-compute', 'controls classical compute of the pipeline'),
  t('ctl:circuit-rewrite', 'can rewrite circuits before execution (designs or transpiles them)'),
  t('ctl:qpu-execution', 'controls circuit execution and the results returned (S4)'),
  t('ctl:qpu-scheduler', 'controls which device runs a job and when'),
  t('ctl:control-electronics', 'has physical access to the QPU\'s control electronics'),
  t('ctl:training-loop', 'controls gradient or optimiser computation (S5/S6)'),
  t('ctl:model-hosting', 'controls the hosted model artefacts (I1)'),
  t('ctl:inference-inputs', 'controls the inputs fed to the served model (I2)'),
  t('ctl:compiler-release', 'controls the transpiler software releases'),
  t('ctl:training-data-feed', 'controls a training-data feed'),

  t('know:model-family', 'knows the model family and task from public information'),
  t('know:calibration-data', 'knows the published calibration of the provider\'s devices'),
  t('know:device-fingerprint', 'can tell which physical device and region a job runs on'),
  t('know:output-format', 'knows what the API returns and how'),

  t('obs:api-io', 'has a sample of API input/output pairs'),
  t('ev:many-api-keys', 'controls many API identities'),
  t('exec:aggressor-circuits', 'runs crosstalk-inducing circuits next to the victim'),
  t('persist:compiler-trojan', 'a Trojan sits in the transpiler the victim uses'),
  t('persist:poisoned-training-data', 'poisoned samples sit in the training set'),

  t('col:api-dataset', 'holds a large labelled dataset from the victim API'),
  t('col:job-circuits', 'holds circuits from the owner\'s provider job history'),
  t('col:model-architecture', 'holds the encoding circuit and PQC architecture'),
  t('col:trained-weights', 'holds the trained parameters, mapped to the architecture'),
  t('col:training-features', 'holds (preprocessed) training samples'),
  t('col:labels', 'holds training labels'),
  t('col:raw-data', 'holds raw training data'),
  t('col:leaked-states', 'holds residual or crosstalk-leaked qubit states of the victim'),
  t('col:victim-inputs', 'holds (partial) victim inputs reconstructed from leakage'),
  t('col:control-pulses', 'holds power traces of the control pulses'),
  t('col:circuit-parameters', 'holds rotation angles recovered from control pulses'),

  t('cap:poisoned-samples', 'has poisoned samples ready'),
  t('cap:proxy-model', 'has a proxy model replicating the victim'),
  t('cap:surrogate-model', 'has a surrogate trained from public information'),
  t('cap:clone-model', 'has a clone model trained on stolen data'),
  t('cap:adversarial-input', 'has inputs crafted to be misclassified'),
  t('cap:backdoor', 'the victim model carries a backdoor the attacker can trigger'),

  t('obj:model-ip-stolen', 'model IP (architecture, encoding, parameters or functionality) stolen'),
  t('obj:training-data-stolen', 'training data or information about it stolen'),
  t('obj:targeted-misclassification', 'chosen inputs are misclassified as the attacker wants'),
  t('obj:integrity-degraded', 'model accuracy or result integrity degraded'),
  t('obj:service-denied', 'training or inference denied or delayed'),
  t('obj:cost-inflated', 'the owner pays more than it should'),
];
