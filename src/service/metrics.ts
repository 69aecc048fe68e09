/** Prometheus metrics of one service instance (its own registry, so instances do not mix). */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The service's metrics. */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<'method' | 'route' | 'status'>;
  readonly duration: Histogram<'method' | 'route' | 'status'>;
  readonly predictions: Counter<'model'>;
  readonly predictionRows: Counter<'model'>;
  readonly jobOutcomes: Counter<'outcome'>;

  constructor(queueDepth: () => number, options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    this.requests = new Counter({ name: 'qmlsec_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'], registers });
    this.duration = new Histogram({
      name: 'qmlsec_http_request_duration_seconds',
      help: 'HTTP request latency by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.predictions = new Counter({ name: 'qmlsec_predictions_total', help: 'Answered predict requests by model', labelNames: ['model'], registers });
    this.predictionRows = new Counter({ name: 'qmlsec_prediction_rows_total', help: 'Predicted input rows (queries) by model', labelNames: ['model'], registers });
    this.jobOutcomes = new Counter({ name: 'qmlsec_job_attempts_total', help: 'Job attempts by outcome', labelNames: ['outcome'], registers });
    new Gauge({
      name: 'qmlsec_queue_depth',
      help: 'Jobs waiting or running',
      registers,
      collect() {
        this.set(queueDepth());
      },
    });
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'qmlsec_' });
  }

  /** Records one finished HTTP request. */
  observe(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.requests.inc(labels);
    this.duration.observe(labels, seconds);
  }
}
