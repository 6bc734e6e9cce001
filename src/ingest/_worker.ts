/** The ingest worker: checks, extracts and indexes batches of records while the main thread writes. */
import { parentPort, workerData } from 'node:worker_threads';
import type { FingerprintParams } from '../defaults.js';
import { packBatch, prepareBatch, type PrepareJob } from './prepare.js';

const { fingerprint } = workerData as { fingerprint: FingerprintParams };

parentPort?.on('message', (job: PrepareJob | null) => {
  if (job === null) {
    parentPort?.close();
    return;
  }
  const batch = prepareBatch(job, fingerprint);
  parentPort?.postMessage(batch, packBatch(batch));
});
