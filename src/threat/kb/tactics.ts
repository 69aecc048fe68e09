/**
 * The 16 tactics of the MITRE ATLAS matrix, in ATLAS matrix order, with ATLAS's IDs, names and
 * Navigator/STIX shortnames (transcribed from ATLAS 5.6.0, `ATLAS.yaml` and its sample layers,
 * Apache-2.0). The descriptions are ours and say what each tactic means for QML as a service.
 */
import type { Tactic } from '../model.js';

/** ATLAS data version the tactic list was checked against. */
export const ATLAS_DATA_VERSION = '5.6.0';

/** The tactics in matrix order. */
export const TACTICS: readonly Tactic[] = [
  {
    id: 'AML.TA0002',
    name: 'Reconnaissance',
    shortname: 'reconnaissance',
    description: 'Learning about the target QML service before acting: which devices and providers it uses, how the model is built, what the API returns, and what the providers publish about their hardware.',
  },
  {
    id: 'AML.TA0003',
    name: 'Resource Development',
    shortname: 'resource-development',
    description: 'Preparing what the attack needs: provider accounts, API keys, poisoned samples, tampered software releases.',
  },
  {
    id: 'AML.TA0004',
    name: 'Initial Access',
    shortname: 'initial-access',
    description: 'Getting a first foothold in the QML pipeline: a place in a software or data supply chain, or a spot on the same QPU as the victim.',
  },
  {
    id: 'AML.TA0000',
    name: 'AI Model Access',
    shortname: 'ai-model-access',
    description: 'Gaining some level of access to the QML model: black-box queries through an inference API, or white-box access to the circuits a provider receives.',
  },
  {
    id: 'AML.TA0005',
    name: 'Execution',
    shortname: 'execution',
    description: 'Running attacker-controlled quantum or classical code inside the victim\'s environment or next to it on shared hardware.',
  },
  {
    id: 'AML.TA0006',
    name: 'Persistence',
    shortname: 'persistence',
    description: 'Keeping an influence on the model across retraining and redeployment: poisoned data, circuit backdoors, Trojans in the compiler.',
  },
  {
    id: 'AML.TA0012',
    name: 'Privilege Escalation',
    shortname: 'privilege-escalation',
    description: 'Obtaining more control over shared quantum hardware than the provider intended to grant, for instance over qubits allocated to another tenant.',
  },
  {
    id: 'AML.TA0007',
    name: 'Defense Evasion',
    shortname: 'defense-evasion',
    description: 'Avoiding detection by query monitoring, trap circuits or result verification.',
  },
  {
    id: 'AML.TA0013',
    name: 'Credential Access',
    shortname: 'credential-access',
    description: 'Stealing the credentials that let a pipeline submit quantum jobs or call model endpoints on the owner\'s behalf.',
  },
  {
    id: 'AML.TA0008',
    name: 'Discovery',
    shortname: 'discovery',
    description: 'Working out, from inside access or observed behaviour, what the QML system consists of: its encoding, architecture and output format.',
  },
  {
    id: 'AML.TA0015',
    name: 'Lateral Movement',
    shortname: 'lateral-movement',
    description: 'Moving from one party of the QMLaaS pipeline to another, for instance from a classical cloud into the owner\'s quantum provider account.',
  },
  {
    id: 'AML.TA0009',
    name: 'Collection',
    shortname: 'collection',
    description: 'Gathering the QML assets the attacker is after: circuits, trained parameters, bound features, labels, leaked quantum states.',
  },
  {
    id: 'AML.TA0001',
    name: 'AI Attack Staging',
    shortname: 'ai-attack-staging',
    description: 'Preparing the attack on the model itself: proxy or clone models, adversarial inputs, backdoors.',
  },
  {
    id: 'AML.TA0014',
    name: 'Command and Control',
    shortname: 'command-and-control',
    description: 'Communicating with implants placed earlier, for example to arm a dormant Trojan in a transpiler.',
  },
  {
    id: 'AML.TA0010',
    name: 'Exfiltration',
    shortname: 'exfiltration',
    description: 'Taking stolen models, circuits or data out of the victim\'s control.',
  },
  {
    id: 'AML.TA0011',
    name: 'Impact',
    shortname: 'impact',
    description: 'Harming the QML service: wrong or degraded predictions, denied or delayed service, inflated costs, loss of intellectual property.',
  },
];
