/**
 * Calibration snapshot of ibmq_manila (Falcon r5.11), transcribed by
 * scripts/transcribe-device-calibrations.ts — do not edit by hand.
 *
 * Source: github.com/Qiskit/qiskit-ibm-runtime @ 73514f06603854cae92573c28c8462d4027efcb9,
 * qiskit_ibm_runtime/fake_provider/backends/manila/{conf,props}_manila.json
 * (Apache-2.0, Copyright IBM and its contributors); properties last_update_date 2024-05-27T15:27:23-03:00.
 */
import type { IbmCalibrationTable } from '../calibration-tables.js';

/** ibmq_manila: 5 qubits, 8 cx entries (0 at error 1). */
export const IBMQ_MANILA: IbmCalibrationTable = {
  backend: 'ibmq_manila',
  backendVersion: '1.2.6',
  propsDate: '2024-05-27T15:27:23-03:00',
  source: {
    repo: 'github.com/Qiskit/qiskit-ibm-runtime',
    commit: '73514f06603854cae92573c28c8462d4027efcb9',
    files: ['conf_manila.json', 'props_manila.json'],
    license: 'Apache-2.0',
  },
  processor: { family: 'Falcon', revision: '5.11', segment: 'L' },
  basisGates: ['cx', 'id', 'rz', 'sx', 'x'],
  oneQubitGates: ['id', 'sx', 'x'],
  dtNs: 0.2222222,
  clopsH: null,
  quantumVolume: 32,
  maxShots: 100000,
  maxExperiments: 300,
  defaultRepDelayUs: 250,
  deadTwoQubitEntries: 0,
  deadExtraEntries: 0,
  // T1 µs, T2 µs, readout_error, P(0|1), P(1|0), readout ns, frequency GHz, anharmonicity GHz, reset ns, 1q error, 1q ns
  qubits: [
    [131.5286, 102.2039, 0.0353, 0.0548, 0.0158, 5351.111, 4.962356, -0.3446254, 5514.667, 0.0001550659, 35.55556],
    [124.5355, 79.0147, 0.0219, 0.0316, 0.0122, 5351.111, 4.837873, -0.3452838, 5514.667, 0.0003921935, 35.55556],
    [158.6152, 25.1509, 0.0964, 0.1226, 0.0702, 5351.111, 5.037297, -0.3425513, 5514.667, 0.0007458159, 35.55556],
    [179.1028, 54.36101, 0.0144, 0.0204, 0.0084, 5351.111, 4.950965, -0.3435784, 5514.667, 0.0002122192, 35.55556],
    [144.6732, 40.33233, 0.0186, 0.0284, 0.0088, 5351.111, 5.065178, -0.3421076, 5514.667, 0.0003538722, 35.55556],
  ],
  twoQubitGates: [
    ['cx', 0, 1, 0.008827712, 277.3333],
    ['cx', 1, 0, 0.008827712, 312.8889],
    ['cx', 1, 2, 0.01394039, 469.3333],
    ['cx', 2, 1, 0.01394039, 504.8889],
    ['cx', 2, 3, 0.01135412, 355.5556],
    ['cx', 3, 2, 0.01135412, 391.1111],
    ['cx', 3, 4, 0.005696275, 334.2222],
    ['cx', 4, 3, 0.005696275, 298.6667],
  ],
  extraTwoQubitGates: [],
  staticZz: [
    [0, 1, 47.56484],
    [1, 2, 63.30997],
    [2, 3, 48.36037],
    [3, 4, 49.54685],
  ],
};
