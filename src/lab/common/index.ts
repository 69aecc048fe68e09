/**
 * Building blocks shared by the lab's scenarios (one line per module; scenario authors add
 * theirs).
 */
export * from './shapiro-wilk.js';
export * from './stream-detector.js';
export * from './prada.js';
export * from './ood-cusum.js';
export * from './population.js';
export * from './iris.js';
export * from './lab-runtime.js';
export * from './output-policy.js';
export * from './query-journal.js';
export * from './platform.js';
export * from './api-client.js';
export * from './extraction-monitor.js';
export * from './honest-traffic.js';
export * from './classifier.js';
export * from './adversarial.js';
export * from './adversarial-training.js';
export * from './soft-target-training.js';
export * from './substitutes.js';
export * from './query-synthesis.js';
export * from './extraction.js';
export * from './roc.js';
export * from './curious-provider.js';
export * from './knn.js';
export * from './kmeans.js';
export * from './sample-splitter.js';
