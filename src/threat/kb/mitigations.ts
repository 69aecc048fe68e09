/**
 * Mitigations. ATLAS mitigations keep their ATLAS IDs and names (transcribed from ATLAS 5.6.0);
 * the descriptions say what they mean for QML in our words. Quantum-specific controls get
 * `QML.M…` IDs. `blocks` removes a technique from the attack graph (at the model's granularity:
 * the mitigation defeats the technique as described); `hinders` halves its likelihood.
 */
import type { Mitigation } from '../model.js';

/** Every mitigation. */
export const MITIGATIONS: readonly Mitigation[] = [
  {
    id: 'AML.M0000', name: 'Limit Public Release of Information', category: 'policy',
    description: 'Publish less about the model family, encoding and ansatz used in production, so that surrogates built from public information are poor.',
    blocks: ['QML.T0001'], hinders: [], cost: { level: 'low', note: 'fewer publications and model cards; no runtime cost' },
    references: ['atlas', 'debus2025killchain'],
  },
  {
    id: 'AML.M0002', name: 'Passive AI Output Obfuscation', category: 'technical-ml',
    description: 'Return labels only (or coarsely rounded scores), removing the confidence signal that score-based attacks and membership inference rely on.',
    blocks: ['QML.T0042', 'QML.T0049'], hinders: ['QML.T0038'], cost: { level: 'low', note: 'clients lose calibrated probabilities' },
    references: ['atlas', 'fu2024quantumleak', 'shokri2017membership'],
  },
  {
    id: 'AML.M0003', name: 'Model Hardening', category: 'technical-ml',
    description: 'Train the QNN adversarially or with regularisation that lowers its Lipschitz bound, so that small perturbations rarely flip its output.',
    blocks: [], hinders: ['QML.T0040', 'QML.T0041', 'QML.T0050'], cost: { level: 'medium', note: 'more training circuits; may cost clean accuracy' },
    references: ['atlas', 'lu2020qaml', 'wendlinger2024adversarial', 'madry2018adversarial'],
  },
  {
    id: 'AML.M0004', name: 'Restrict Number of AI Model Queries', category: 'technical-cyber',
    description: 'Enforce a per-key quota and rate limit on the inference API; one identity can no longer harvest a training-size dataset or run up the QPU bill.',
    blocks: ['QML.T0037', 'QML.T0065'], hinders: ['QML.T0042', 'QML.T0049', 'QML.T0064'], cost: { level: 'low', note: 'legitimate heavy users need quota increases' },
    references: ['atlas', 'fu2024quantumleak', 'tramer2016stealing'],
  },
  {
    id: 'AML.M0005', name: 'Control Access to AI Models and Data at Rest', category: 'policy',
    description: 'Restrict who can list and download past jobs, circuits and results in the owner\'s quantum-provider account, and delete them after retrieval.',
    blocks: ['QML.T0024'], hinders: [], cost: { level: 'low', note: 'account administration; loss of job history for debugging' },
    references: ['atlas', 'kundu2024sok'],
  },
  {
    id: 'AML.M0007', name: 'Sanitize Training Data', category: 'technical-ml',
    description: 'Detect and drop outlying or inconsistent samples before training; helps against naive poisoning, less against encoder-aware poisoning.',
    blocks: [], hinders: ['QML.T0009', 'QML.T0015', 'QML.T0016', 'QML.T0052'], cost: { level: 'medium', note: 'extra data processing; may drop rare genuine samples' },
    references: ['atlas', 'kundu2024quid'],
  },
  {
    id: 'AML.M0008', name: 'Validate AI Model', category: 'technical-ml',
    description: 'Test the trained model on held-out and trigger-probing data before deployment to catch degradation and backdoors.',
    blocks: [], hinders: ['QML.T0016', 'QML.T0051', 'QML.T0052'], cost: { level: 'medium', note: 'validation runs on the QPU' },
    references: ['atlas', 'guo2024backdoor'],
  },
  {
    id: 'AML.M0012', name: 'Encrypt Sensitive Information', category: 'technical-cyber',
    description: 'Keep datasets, checkpoints and parameters encrypted at rest in provider storage with keys held by the owner.',
    blocks: ['QML.T0031'], hinders: [], cost: { level: 'low', note: 'key management' },
    references: ['atlas'],
  },
  {
    id: 'AML.M0014', name: 'Verify AI Artifacts', category: 'technical-cyber',
    description: 'Check signatures or checksums of hosted model parameters before loading them.',
    blocks: ['QML.T0070'], hinders: [], cost: { level: 'low', note: 'signing step in the release process' },
    references: ['atlas'],
  },
  {
    id: 'AML.M0015', name: 'Adversarial Input Detection', category: 'technical-ml',
    description: 'Flag or reject queries that look adversarial (unusual perturbation statistics, many near-duplicates).',
    blocks: [], hinders: ['QML.T0042', 'QML.T0050'], cost: { level: 'medium', note: 'detector upkeep and false positives' },
    references: ['atlas', 'lu2020qaml'],
  },
  {
    id: 'AML.M0019', name: 'Control Access to AI Models and Data in Production', category: 'policy',
    description: 'Verify the identity behind API keys and bind usage policies to identities, so that one actor cannot hold many keys.',
    blocks: ['QML.T0005'], hinders: [], cost: { level: 'medium', note: 'sign-up friction; identity verification' },
    references: ['atlas', 'fu2024quantumleak'],
  },
  {
    id: 'AML.M0024', name: 'AI Telemetry Logging', category: 'technical-cyber',
    description: 'Log queries, job submissions and billing and watch them for extraction, flooding and over-billing patterns.',
    blocks: [], hinders: ['QML.T0019', 'QML.T0037', 'QML.T0024', 'QML.T0064', 'QML.T0065', 'QML.T0066', 'QML.T0067'], cost: { level: 'low', note: 'log storage and review' },
    references: ['atlas'],
  },
  {
    id: 'AML.M0025', name: 'Maintain AI Dataset Provenance', category: 'technical-ml',
    description: 'Accept supplied data only with a signed record of its origin and modifications, tying every sample to an accountable supplier batch.',
    blocks: ['QML.T0009'], hinders: [], cost: { level: 'medium', note: 'supplier agreements and provenance tooling' },
    references: ['atlas', 'kundu2024quid'],
  },
  {
    id: 'QML.M0001', name: 'Obfuscate circuits before they leave the owner', category: 'technical-quantum',
    description: 'Insert random reversible gate blocks (undone later) and a transient obfuscation layer, so that the encoding and ansatz cannot be read from submitted or transpiled circuits.',
    blocks: ['QML.T0023', 'QML.T0025'], hinders: ['QML.T0027', 'QML.T0020'], cost: { level: 'low', note: 'about 8.5% extra depth for a 5-layer QNN in Upadhyay & Ghosh; some extra noise' },
    references: ['upadhyay2025quandaries', 'das2023obfuscation', 'suresh2021obfuscation'],
  },
  {
    id: 'QML.M0002', name: 'Split compilation', category: 'technical-quantum',
    description: 'Cut circuits into parts compiled separately (by different services or with interlocking padding) so that no single compiler sees the whole circuit.',
    blocks: ['QML.T0013'], hinders: [], cost: { level: 'medium', note: 'less global optimisation; orchestration overhead' },
    references: ['suresh2021obfuscation', 'das2023obfuscation'],
  },
  {
    id: 'QML.M0003', name: 'Trap circuits with known outcomes', category: 'technical-quantum',
    description: 'Mix test circuits with known results into the job stream and check them, detecting providers that tamper with parameters or results.',
    blocks: ['QML.T0055'], hinders: ['QML.T0020', 'QML.T0056'], cost: { level: 'medium', note: 'extra shots for the trap circuits' },
    references: ['bernardi2025security', 'upadhyay2024trustworthy'],
  },
  {
    id: 'QML.M0004', name: 'Verify the executing device by fingerprinting', category: 'technical-quantum',
    description: 'Run a probe circuit with each job and compare its error fingerprint with the requested device\'s calibration, detecting machine substitution and rerouting.',
    blocks: ['QML.T0057', 'QML.T0058'], hinders: [], cost: { level: 'low', note: 'one probe circuit per job' },
    references: ['wu2024fingerprint', 'phalak2021qupuf', 'tonekaboni2023qpuf'],
  },
  {
    id: 'QML.M0005', name: 'One-time pad before reset', category: 'technical-quantum',
    description: 'Apply random Pauli (classical or quantum one-time pad) gates before measurement and reset, so that residual states carry no information into the next job.',
    blocks: ['QML.T0032'], hinders: [], cost: { level: 'low', note: 'a layer of single-qubit gates per shot' },
    references: ['xu2024otp', 'mi2022reset'],
  },
  {
    id: 'QML.M0006', name: 'Crosstalk-aware qubit allocation', category: 'technical-quantum',
    description: 'Allocate tenants to qubit regions separated by buffer qubits, never adjacent to another tenant\'s active qubits.',
    blocks: ['QML.T0010', 'QML.T0033'], hinders: [], cost: { level: 'medium', note: 'fewer tenants per device; lower utilisation' },
    references: ['marquer2025qaiccc', 'ashsaki2020crosstalk'],
  },
  {
    id: 'QML.M0007', name: 'Context switching across co-runners', category: 'technical-quantum',
    description: 'Run a job\'s shots in several contexts with different co-runners and compare the partial distributions, limiting and exposing crosstalk tampering.',
    blocks: [], hinders: ['QML.T0053', 'QML.T0033', 'QML.T0010'], cost: { level: 'low', note: 'scheduler complexity' },
    references: ['kumar2025qontexts'],
  },
  {
    id: 'QML.M0008', name: 'Verify compiled circuits against their source', category: 'technical-quantum',
    description: 'Check that each compiled circuit is equivalent to the submitted one (equivalence checking, Trojan detectors) before running it.',
    blocks: ['QML.T0017', 'QML.T0054'], hinders: [], cost: { level: 'medium', note: 'classical verification time grows with circuit width' },
    references: ['das2023trojannet', 'roy2024trojans'],
  },
  {
    id: 'QML.M0009', name: 'Differentially private training', category: 'technical-ml',
    description: 'Train with clipped, noised gradients so that the model\'s answers reveal little about any one training record.',
    blocks: ['QML.T0049'], hinders: [], cost: { level: 'medium', note: 'accuracy loss that grows with the privacy guarantee' },
    references: ['watkins2023dp', 'abadi2016dpsgd'],
  },
  {
    id: 'QML.M0010', name: 'Split execution with result voting across providers', category: 'technical-quantum',
    description: 'Distribute shots or iterations across independent quantum providers and compare or vote on their results; failover when one stalls.',
    blocks: ['QML.T0020', 'QML.T0055', 'QML.T0056', 'QML.T0059', 'QML.T0060'], hinders: ['QML.T0053', 'QML.T0058', 'QML.T0068'],
    cost: { level: 'high', note: 'at least two providers to pay and manage' },
    references: ['upadhyay2022robust', 'upadhyay2024trustworthy'],
  },
  {
    id: 'QML.M0011', name: 'Ensemble obfuscation across providers', category: 'technical-quantum',
    description: 'Train two QNNs whose individual outputs are obfuscated and only combine to the right answer locally, so that one provider\'s copy is useless.',
    blocks: ['QML.T0045'], hinders: [], cost: { level: 'high', note: 'up to twice the QPU cost' },
    references: ['kundu2024stiq'],
  },
  {
    id: 'QML.M0012', name: 'Label masking and loss obfuscation', category: 'technical-ml',
    description: 'Permute class indices and modify the cost function so that labels cannot be inferred from what the providers see.',
    blocks: ['QML.T0028'], hinders: [], cost: { level: 'low', note: 'bookkeeping on the owner\'s side' },
    references: ['upadhyay2024databreach'],
  },
  {
    id: 'QML.M0013', name: 'Confidential computing for classical steps', category: 'technical-cyber',
    description: 'Run preprocessing, loss and optimiser steps in attested trusted execution environments, so the classical cloud operator can neither read nor alter data in use.',
    blocks: ['QML.T0015', 'QML.T0029', 'QML.T0030', 'QML.T0031', 'QML.T0069'], hinders: [], cost: { level: 'high', note: 'TEE instances and attestation infrastructure' },
    references: ['kundu2024sok'],
  },
  {
    id: 'QML.M0014', name: 'Immutable offline backups', category: 'technical-cyber',
    description: 'Keep versioned, write-once copies of datasets, checkpoints and parameters outside the classical cloud.',
    blocks: ['QML.T0063'], hinders: [], cost: { level: 'low', note: 'storage' },
    references: ['kundu2024sok'],
  },
  {
    id: 'QML.M0015', name: 'Fair scheduling and per-tenant quotas at the provider', category: 'technical-quantum',
    description: 'Cap each tenant\'s share of a device\'s queue, so that artificial demand cannot starve other jobs.',
    blocks: ['QML.T0061'], hinders: [], cost: { level: 'low', note: 'provider-side policy' },
    references: ['kundu2024sok'],
  },
  {
    id: 'QML.M0016', name: 'Redundant classical provider and DoS protection', category: 'technical-cyber',
    description: 'Front the API with DoS protection and keep a second classical provider ready to take over preprocessing and serving.',
    blocks: ['QML.T0062', 'QML.T0064'], hinders: [], cost: { level: 'medium', note: 'standby capacity' },
    references: ['kundu2024sok'],
  },
  {
    id: 'QML.M0017', name: 'Side-channel hardening of control electronics', category: 'technical-quantum',
    description: 'Shield and decouple the control electronics\' power supply and randomise pulse scheduling so that power traces do not reveal pulses.',
    blocks: ['QML.T0035'], hinders: [], cost: { level: 'high', note: 'hardware changes at the provider' },
    references: ['xu2023power', 'erata2024reconstruction'],
  },
  {
    id: 'QML.M0018', name: 'Control-stack integrity monitoring', category: 'technical-quantum',
    description: 'Authenticate pulse and calibration updates and monitor control registers for unexpected changes.',
    blocks: ['QML.T0068'], hinders: [], cost: { level: 'high', note: 'provider-side engineering' },
    references: ['kundu2024sok', 'xu2025pulse'],
  },
  {
    id: 'QML.M0019', name: 'Brokered, scoped provider credentials', category: 'technical-cyber',
    description: 'Submit jobs through a broker that holds the provider token; pipeline stages get short-lived, job-scoped credentials only.',
    blocks: ['QML.T0021'], hinders: [], cost: { level: 'low', note: 'a small broker service' },
    references: ['kundu2024sok'],
  },
  {
    id: 'QML.M0020', name: 'Provider-side scanning of submitted circuits', category: 'technical-quantum',
    description: 'Scan submitted circuits for crosstalk-aggressor and other malicious patterns before they run.',
    blocks: [], hinders: ['QML.T0014'], cost: { level: 'low', note: 'compile-time analysis' },
    references: ['deshpande2023antivirus'],
  },
  {
    id: 'QML.M0021', name: 'Validate pulse-level gate definitions', category: 'technical-quantum',
    description: 'Reject custom gates whose pulses exceed the qubits, frequencies or time window they declare.',
    blocks: ['QML.T0018'], hinders: [], cost: { level: 'low', note: 'SDK and provider checks' },
    references: ['xu2025pulse'],
  },
];
