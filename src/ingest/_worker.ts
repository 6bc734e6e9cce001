/** The ingest worker: checks, extracts and indexes batches of records while the main thread writes. */
import { parentPort, workerData } from 'node:worker_threads';
import type { FingerprintParams } from '../defaults.js';
import { prepareBatch, type PrepareJob } from './prepare.js';

const { fingerprint } = workerData as { fingerprint: FingerprintParams };

parentPort?.on('message', (job: PrepareJob | null) => {
  if (job === null) {
    parentPort?.close();
    return;
  }
  parentPort?.postMessage(prepareBatch(job, fingerprint));
});
