/**
 * An API client of the live service, as an attacker or an honest user runs it: sends input
 * rows in batches to `POST /v1/models/:id/predict` with its bearer key and keeps the answers.
 * It stops at the first refusal — 429 (quota exhausted or rate limited) or 401 (key revoked)
 * — and reports how many rows went unanswered and why, which is what quota and detection
 * defenses cost the client.
 */
import { InputError } from '../../core/errors.js';
import type { Service } from '../../service/service.js';

/** One answered query. */
export interface ApiAnswer {
  /** Index of the answered label among the model's classes. */
  readonly label: number;
  readonly probabilities: readonly number[];
}

/** Why a client stopped before all its rows were answered. */
export type StopReason = 'quota' | 'rate-limit' | 'revoked';

/** The outcome of sending a list of rows. */
export interface HarvestResult {
  /** Answers for the first `answers.length` rows, in order. */
  readonly answers: ApiAnswer[];
  /** Rows not answered. */
  readonly refused: number;
  readonly stoppedBy?: StopReason;
  /** HTTP requests made (answered and refused). */
  readonly requests: number;
}

/** Options of {@link ApiClient.predictAll}. */
export interface PredictAllOptions {
  /** Rows per request (default 25). */
  readonly batchSize?: number;
  /** Called after every answered request with the number of rows answered so far. */
  readonly afterRequest?: (answered: number) => void | Promise<void>;
}

/** A client holding one API key. */
export class ApiClient {
  constructor(
    private readonly service: Service,
    private readonly modelId: string,
    private readonly secret: string,
    private readonly classes: readonly string[],
  ) {}

  /** Sends `rows` in batches until all are answered or the service refuses. */
  async predictAll(rows: readonly (readonly number[])[], options: PredictAllOptions = {}): Promise<HarvestResult> {
    const batchSize = options.batchSize ?? 25;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new InputError(`batch size must be a positive integer, got ${batchSize}`, 'LAB_CLIENT');
    const answers: ApiAnswer[] = [];
    let requests = 0;
    for (let start = 0; start < rows.length; start += batchSize) {
      const batch = rows.slice(start, start + batchSize);
      const res = await this.service.app.inject({
        method: 'POST',
        url: `/v1/models/${this.modelId}/predict`,
        headers: { authorization: `Bearer ${this.secret}` },
        payload: { inputs: batch },
      });
      requests++;
      if (res.statusCode === 429 || res.statusCode === 401) {
        const type = (res.json() as { type?: string }).type ?? '';
        const stoppedBy: StopReason = res.statusCode === 401 ? 'revoked' : type.endsWith('quota-exhausted') ? 'quota' : 'rate-limit';
        return { answers, refused: rows.length - answers.length, stoppedBy, requests };
      }
      if (res.statusCode !== 200) throw new InputError(`the prediction API answered HTTP ${res.statusCode}: ${res.body.slice(0, 300)}`, 'LAB_CLIENT');
      const body = res.json() as { predictions: { label: string; probabilities: number[] }[] };
      for (const p of body.predictions) {
        const label = this.classes.indexOf(p.label);
        if (label < 0) throw new InputError(`the prediction API answered the unknown class "${p.label}"`, 'LAB_CLIENT');
        answers.push({ label, probabilities: p.probabilities });
      }
      await options.afterRequest?.(answers.length);
    }
    return { answers, refused: 0, requests };
  }
}
