/**
 * Calibration snapshot of ibm_lagos (Falcon r5.11), transcribed by
 * scripts/transcribe-device-calibrations.ts — do not edit by hand.
 *
 * Source: github.com/Qiskit/qiskit-ibm-runtime @ 73514f06603854cae92573c28c8462d4027efcb9,
 * qiskit_ibm_runtime/fake_provider/backends/lagos/{conf,props}_lagos.json
 * (Apache-2.0, Copyright IBM and its contributors); properties last_update_date 2024-05-27T15:51:15-03:00.
 */
import type { IbmCalibrationTable } from '../calibration-tables.js';

/** ibm_lagos: 7 qubits, 12 cx entries (0 at error 1). */
export const IBM_LAGOS: IbmCalibrationTable = {
  backend: 'ibm_lagos',
  backendVersion: '1.6.6',
  propsDate: '2024-05-27T15:51:15-03:00',
  source: {
    repo: 'github.com/Qiskit/qiskit-ibm-runtime',
    commit: '73514f06603854cae92573c28c8462d4027efcb9',
    files: ['conf_lagos.json', 'props_lagos.json'],
    license: 'Apache-2.0',
  },
  processor: { family: 'Falcon', revision: '5.11', segment: 'H' },
  basisGates: ['cx', 'id', 'rz', 'sx', 'x'],
  oneQubitGates: ['id', 'sx', 'x'],
  dtNs: 0.2222222,
  clopsH: null,
  quantumVolume: 32,
  maxShots: 100000,
  maxExperiments: 900,
  defaultRepDelayUs: 250,
  deadTwoQubitEntries: 0,
  deadExtraEntries: 0,
  // T1 µs, T2 µs, readout_error, P(0|1), P(1|0), readout ns, frequency GHz, anharmonicity GHz, reset ns, 1q error, 1q ns
  qubits: [
    [146.2743, 33.29837, 0.169, 0.1636, 0.1744, 789.3333, 5.234699, -0.3398671, 1088, 0.0001646506, 35.55556],
    [92.21961, 93.07839, 0.1362, 0.1384, 0.134, 789.3333, 5.098836, -0.3432484, 1088, 0.0002522965, 35.55556],
    [105.4366, 83.07511, 0.4638, 0.304, 0.6236, 789.3333, 5.188643, -0.3419317, 1080.889, 0.0002858943, 35.55556],
    [120.9064, 57.8605, 0.0167, 0.0188, 0.0146, 789.3333, 4.986074, -0.3452929, 824.8889, 0.0002948975, 35.55556],
    [100.2161, 24.44214, 0.0292, 0.0162, 0.0422, 789.3333, 5.283628, -0.3392343, 1088, 0.0002528425, 35.55556],
    [88.06719, 72.39919, 0.2619, 0.3008, 0.223, 789.3333, 5.176707, -0.340793, 824.8889, 0.0002962759, 35.55556],
    [181.8311, 125.4332, 0.348, 0.3438, 0.3522, 789.3333, 5.064555, -0.3427584, 1073.778, 0.000210689, 35.55556],
  ],
  twoQubitGates: [
    ['cx', 0, 1, 0.00936979, 576],
    ['cx', 1, 0, 0.00936979, 611.5556],
    ['cx', 1, 2, 0.01025854, 327.1111],
    ['cx', 1, 3, 0.01072911, 640],
    ['cx', 2, 1, 0.01025854, 291.5556],
    ['cx', 3, 1, 0.01072911, 604.4444],
    ['cx', 3, 5, 0.02897749, 960],
    ['cx', 4, 5, 0.008261701, 362.6667],
    ['cx', 5, 3, 0.02897749, 995.5556],
    ['cx', 5, 4, 0.008261701, 327.1111],
    ['cx', 5, 6, 0.02021322, 256],
    ['cx', 6, 5, 0.02021322, 291.5556],
  ],
  extraTwoQubitGates: [],
  staticZz: [
    [0, 1, 41.55126],
    [1, 2, 136.919],
    [1, 3, 135.0915],
    [3, 5, 93.53369],
    [4, 5, 151.3434],
    [5, 6, 138.1128],
  ],
};
