/**
 * Calibration snapshot of ibm_nairobi (Falcon r5.11), transcribed by
 * scripts/transcribe-device-calibrations.ts — do not edit by hand.
 *
 * Source: github.com/Qiskit/qiskit-ibm-runtime @ 73514f06603854cae92573c28c8462d4027efcb9,
 * qiskit_ibm_runtime/fake_provider/backends/nairobi/{conf,props}_nairobi.json
 * (Apache-2.0, Copyright IBM and its contributors); properties last_update_date 2024-05-27T15:45:40-03:00.
 */
import type { IbmCalibrationTable } from '../calibration-tables.js';

/** ibm_nairobi: 7 qubits, 12 cx entries (0 at error 1). */
export const IBM_NAIROBI: IbmCalibrationTable = {
  backend: 'ibm_nairobi',
  backendVersion: '1.3.5',
  propsDate: '2024-05-27T15:45:40-03:00',
  source: {
    repo: 'github.com/Qiskit/qiskit-ibm-runtime',
    commit: '73514f06603854cae92573c28c8462d4027efcb9',
    files: ['conf_nairobi.json', 'props_nairobi.json'],
    license: 'Apache-2.0',
  },
  processor: { family: 'Falcon', revision: '5.11', segment: 'H' },
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
    [89.11932, 15.78811, 0.058, 0.079, 0.037, 5560.889, 5.259456, -0.3398346, 5596.444, 0.0003964904, 35.55556],
    [87.26538, 126.3967, 0.0199, 0.0296, 0.0102, 5560.889, 5.16793, -0.3405835, 5596.444, 0.000306625, 35.55556],
    [133.2392, 127.1361, 0.0193, 0.0296, 0.009, 5560.889, 5.274522, -0.3389037, 5596.444, 0.000201477, 35.55556],
    [74.94188, 75.99847, 0.0223, 0.0382, 0.0064, 5560.889, 5.024514, -0.3425304, 5596.444, 0.0004082932, 35.55556],
    [131.2212, 106.1317, 0.0183, 0.0264, 0.0102, 5560.889, 5.178163, -0.3405904, 5596.444, 0.0005315541, 35.55556],
    [80.65418, 12.0426, 0.0225, 0.0342, 0.0108, 5560.889, 5.292671, -0.3405323, 5596.444, 0.0008354804, 35.55556],
    [76.6377, 126.2077, 0.0258, 0.0368, 0.0148, 5560.889, 5.128537, -0.3404357, 5596.444, 0.0002634634, 35.55556],
  ],
  twoQubitGates: [
    ['cx', 0, 1, 0.008594116, 248.8889],
    ['cx', 1, 0, 0.008594116, 284.4444],
    ['cx', 1, 2, 0.006982735, 426.6667],
    ['cx', 1, 3, 0.006790989, 270.2222],
    ['cx', 2, 1, 0.006982735, 391.1111],
    ['cx', 3, 1, 0.006790989, 305.7778],
    ['cx', 3, 5, 0.01257227, 640],
    ['cx', 4, 5, 0.007004886, 312.8889],
    ['cx', 5, 3, 0.01257227, 604.4444],
    ['cx', 5, 4, 0.007004886, 277.3333],
    ['cx', 5, 6, 0.01066001, 341.3333],
    ['cx', 6, 5, 0.01066001, 305.7778],
  ],
  extraTwoQubitGates: [],
  staticZz: [
    [0, 1, 74.42453],
    [1, 2, 141.9554],
    [1, 3, 150.8598],
    [3, 5, 168.8529],
    [4, 5, 151.2187],
    [5, 6, 165.2449],
  ],
};
