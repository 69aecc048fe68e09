/**
 * Error profile of IQM Garnet (20 qubits), transcribed by scripts/transcribe-device-calibrations.ts
 * — do not edit by hand. Source: iqm-finland/qiskit-on-iqm, src/iqm/qiskit_iqm/fake_backends/fake_garnet.py (Apache-2.0),
 * via the data-only transcription iqm_garnet_fake_profile.json. Upstream labels it a
 * "sample-chip" profile: representative, not a live calibration. Qubit k is upstream QB{k+1}.
 */
import type { IqmCalibrationTable } from '../calibration-tables.js';

/** IQM Garnet sample-chip error profile. */
export const IQM_GARNET: IqmCalibrationTable = {
  name: 'IQM Garnet (fake-backend sample profile)',
  source: { repo: 'iqm-finland/qiskit-on-iqm', files: ['src/iqm/qiskit_iqm/fake_backends/fake_garnet.py'], license: 'Apache-2.0' },
  prxDurationNs: 20,
  czDurationNs: 40,
  // T1 µs, T2 µs, P(0|1), P(1|0), PRX depolarizing λ
  qubits: [
    [37.741, 9.18, 0.026, 0.0255, 0.00085],
    [32.584, 10.04, 0.024, 0.0245, 0.00183],
    [24.468, 10.95, 0.0245, 0.0285, 0.00165],
    [11.555, 9.67, 0.024, 0.0245, 0.00111],
    [34.257, 8.96, 0.0255, 0.025, 0.00114],
    [40.051, 10.13, 0.0275, 0.0265, 0.00384],
    [35.708, 8.59, 0.026, 0.0255, 0.00265],
    [25.686, 9.05, 0.025, 0.029, 0.00084],
    [34.113, 9.38, 0.0245, 0.026, 0.00122],
    [37.391, 9.82, 0.0245, 0.022, 0.00113],
    [25.809, 9.46, 0.0245, 0.028, 0.00274],
    [60.725, 9.94, 0.025, 0.0255, 0.00076],
    [44.802, 10.07, 0.0255, 0.0265, 0.00089],
    [48.137, 9.03, 0.0245, 0.024, 0.00074],
    [39.052, 9.59, 0.0245, 0.023, 0.00278],
    [43.968, 9.71, 0.0255, 0.022, 0.00067],
    [36.67, 10.18, 0.024, 0.024, 0.00085],
    [38.151, 9.25, 0.026, 0.0245, 0.00061],
    [50.012, 8.27, 0.0255, 0.025, 0.00069],
    [54.911, 11.93, 0.0285, 0.028, 0.00088],
  ],
  // a, b, CZ depolarizing λ
  cz: [
    [0, 1, 0.00578],
    [0, 3, 0.00804],
    [1, 4, 0.00749],
    [2, 3, 0.00809],
    [7, 2, 0.00599],
    [3, 4, 0.00431],
    [8, 3, 0.0065],
    [4, 5, 0.00474],
    [9, 4, 0.00339],
    [5, 6, 0.00527],
    [10, 5, 0.01401],
    [11, 6, 0.00294],
    [7, 8, 0.00399],
    [7, 12, 0.00485],
    [8, 9, 0.00638],
    [8, 13, 0.00548],
    [9, 10, 0.00682],
    [9, 14, 0.00961],
    [10, 11, 0.00899],
    [15, 10, 0.00712],
    [16, 11, 0.00407],
    [12, 13, 0.00251],
    [13, 14, 0.00506],
    [17, 13, 0.0042],
    [15, 14, 0.00771],
    [18, 14, 0.00711],
    [15, 16, 0.00643],
    [15, 19, 0.00562],
    [17, 18, 0.00507],
    [18, 19, 0.00578],
  ],
};
