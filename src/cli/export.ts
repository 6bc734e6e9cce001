import { nodesCsv, reuseNetwork, writeNetwork, type NetworkFormat, type NetworkNodes } from '../export/index.js';
import { traceAll } from '../trace/index.js';
import { EXIT, openExisting, writeOutput } from './_io.js';

export interface ExportCommandOptions {
  db: string;
  format: NetworkFormat;
  nodes: NetworkNodes;
  output?: string;
  workers?: number;
}

/** The file the nodes table of a CSV export goes to, beside the edges table: `net.csv` → `net.nodes.csv`. */
export const nodesFileOf = (output: string): string => output.replace(/(\.csv)?$/i, '.nodes.csv');

/** `newstrace export --format graphml|gexf|csv`: traces every stored article and writes the reuse network. */
export async function runExport(options: ExportCommandOptions): Promise<number> {
  const store = await openExisting(options.db);
  let text: string;
  let nodes: string | null = null;
  try {
    const network = await reuseNetwork(traceAll(store, { workers: options.workers ?? 1 }), options.nodes);
    text = writeNetwork(network, options.format);
    if (options.format === 'csv' && options.output) nodes = nodesCsv(network);
  } finally {
    await store.close();
  }
  writeOutput(text, options.output, nodes !== null && options.output ? [[nodesFileOf(options.output), nodes]] : []);
  return EXIT.ok;
}
