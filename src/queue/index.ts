export * from './job-store-port.js';
export * from './job-handler.js';
export * from './job-runner.js';
export * from './job-queue.js';
export * from './in-process-queue.js';
export * from './bullmq-queue.js';
