import { Worker } from 'node:worker_threads';

/**
 * Starts the worker module `name` (a file beside the caller, `_name.js` when
 * built). Run from the TypeScript sources (tests, evaluations, benchmarks),
 * the worker registers the TypeScript loader first.
 */
export function startWorker(callerUrl: string, name: string, workerData: unknown): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), { workerData });
  const source = new URL(`./${name}.ts`, callerUrl).href;
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { eval: true, workerData });
}
