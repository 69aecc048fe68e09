/**
 * Citations shared by several device profiles. Each profile lists, in `sources`, where every
 * group of figures comes from and how firm it is (see `SOURCE_CONFIDENCE` in schema.ts).
 */
import type { ProfileSource } from './schema.js';

/** The QMLaaS SoK (../shared/seeds), §1 "High Training Cost", quoting IBM's price (its ref. [19]). */
export const SOK_IBM_PRICE: ProfileSource = {
  what: 'price: IBM QPU access at $1.60 per second',
  citation: 'QMLaaS SoK (qmlsec seed paper), §1 "High Training Cost": "IBM charges $1.60 per second to access their superconducting QPUs" (its ref. [19])',
  date: '2024',
  confidence: 'doc',
};

/** Amazon Braket on-demand QPU pricing. */
export const BRAKET_PRICING: ProfileSource = {
  what: 'price: $0.30 per task + per-shot fee (IonQ Forte $0.08, IonQ Aria $0.03, IQM Garnet $0.00145, Rigetti Ankaa $0.0009)',
  citation: 'https://aws.amazon.com/braket/pricing/ (on-demand QPU table)',
  date: '2025',
  confidence: 'doc',
};

/** Crosstalk on fixed-frequency cross-resonance devices and its use as a fault-injection channel. */
export const CROSSTALK_CR: ProfileSource = {
  what: 'crosstalk: drive-induced spectator error range 1e-3…1e-2 for cross-resonance (CX/ECR) devices',
  citation:
    'Murali, McKay, Martonosi, Javadi-Abhari, "Software Mitigation of Crosstalk on NISQ Computers", ASPLOS 2020, doi:10.1145/3373376.3378477 (arXiv:2001.02826); crosstalk fault injection by a co-tenant: QMLaaS SoK §5.4.2 (its ref. [80])',
  date: '2020',
  confidence: 'modelled',
};

/** Crosstalk on tunable-coupler devices (simultaneous-gate error increase). */
export const CROSSTALK_TUNABLE: ProfileSource = {
  what: 'crosstalk: drive-induced spectator error range 2e-4…3e-3 and residual ZZ ≈ 5 kHz for tunable-coupler devices',
  citation:
    'Arute et al., "Quantum supremacy using a programmable superconducting processor", Nature 574, 505 (2019): two-qubit Pauli error 0.36 % isolated vs 0.62 % simultaneous; Sung et al., PRX 11, 021058 (2021): tunable-coupler ZZ suppression to the kHz level',
  date: '2019–2021',
  confidence: 'modelled',
};

/** Static ZZ from IBM's calibration snapshot (`general.zz_*`). */
export const IBM_STATIC_ZZ: ProfileSource = {
  what: 'crosstalk: static ZZ between coupled qubits (props general.zz_*), converted to a spectator phase error sin²(π·ζ·τ/2)',
  citation: 'IBM calibration snapshot (props general.zz_<a><b>, GHz) — see the snapshot source above',
  date: 'snapshot date',
  confidence: 'transcribed',
};

/** Reset modelled as measure-and-flip with the qubit's assignment errors. */
export const RESET_MEASURE_AND_FLIP: ProfileSource = {
  what: 'reset: residual |1⟩ population after measure-and-conditional-flip reset = assignment error of that measurement',
  citation:
    'model; reset-induced state leakage between users: Xu, Sikora, Szefer, "A Thorough Study of State Leakage Mitigation in Quantum Computing with One-Time Pad", HOST 2024 (arXiv:2401.15529); QMLaaS SoK §5.3.2 (its ref. [69]); unconditional reset reaches 0.2 % residual: Magnard et al., PRL 121, 060502 (2018)',
  date: '2018–2024',
  confidence: 'modelled',
};

/** Reset of trapped ions by optical pumping. */
export const RESET_OPTICAL_PUMPING: ProfileSource = {
  what: 'reset: optical-pumping residual 2e-4 (order of magnitude of trapped-ion state-preparation error)',
  citation: 'Harty et al., "High-fidelity preparation, gates, memory, and readout of a trapped-ion quantum bit", PRL 113, 220501 (2014): SPAM error 6.8e-4',
  date: '2014',
  confidence: 'assumed',
};

/** Shape of cloud queue waits. */
export const QUEUE_BASIS: ProfileSource = {
  what: 'queue: log-normal waits (long-tailed; public devices more congested); medians and overheads are assumptions per device',
  citation:
    'Ravi, Smith, Gokhale, Chong, "Quantum Computing in the Cloud: Analyzing job and machine characteristics", IISWC 2021 (arXiv:2203.13121): 6000 IBM jobs, queuing times of minutes to days',
  date: '2021',
  confidence: 'assumed',
};

/** The hand-authored vendor table in the reference folder. */
export const VENDOR_TABLE = '../shared/reference/devices/vendor_devices.json';
