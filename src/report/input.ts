/** What a report is made of: the lab's results and, optionally, the story around them. */
import type { ExposureLedger } from '../deploy/ledger.js';
import type { LabResults } from '../lab/results.js';
import type { ThreatAnalysis } from '../threat/analyze.js';
import type { KnowledgeBase } from '../threat/knowledge-base.js';

/** The model that was trained (and then attacked). */
export interface TrainingSummary {
  /** What the model is, e.g. `VQC, 4 qubits, 2 layers, angle encoding`. */
  readonly model: string;
  readonly dataset?: string;
  /** The device profile it was trained on, e.g. `ibm_brisbane (noisy)`. */
  readonly device: string;
  /** Test accuracy, 0..1. */
  readonly accuracy: number;
  /** Wall-clock training time. */
  readonly seconds: number;
  /** What the quantum provider charged for training, in US dollars. */
  readonly costUsd: number;
  /** The exposure ledger recorded while training and serving: who received which asset. */
  readonly ledger?: ExposureLedger;
}

/** A circuit diagram (text art, e.g. from the circuit room's drawer). */
export interface CircuitDiagram {
  readonly title: string;
  readonly text: string;
}

/** Everything `renderReport` shows. Only `results` is required. */
export interface ReportInput {
  readonly results: LabResults;
  /** Threat analyses of the attacked deployment(s), for the attack paths section. */
  readonly analyses?: readonly ThreatAnalysis[];
  readonly training?: TrainingSummary;
  readonly circuits?: readonly CircuitDiagram[];
  /** Page title (default `qmlsec attack-lab report`). */
  readonly title?: string;
  /** Knowledge base for names and the matrix (default: the built-in one). */
  readonly kb?: KnowledgeBase;
  /**
   * Link results.json and the Navigator layers as files next to the report (default true;
   * `writeReport` writes them).
   */
  readonly linkFiles?: boolean;
}
