import { renderFamilyText, storyFamilies } from '../families/index.js';
import { traceAll } from '../trace/index.js';
import { EXIT, openExisting } from './_io.js';
import { writeLine } from './trace.js';

export interface FamiliesCommandOptions {
  db: string;
  json?: boolean;
  minSize?: number;
  workers?: number;
}

/** `newstrace families`: traces every stored article and prints the story families, largest first. */
export async function runFamilies(options: FamiliesCommandOptions): Promise<number> {
  const store = await openExisting(options.db);
  try {
    const families = await storyFamilies(traceAll(store, { workers: options.workers ?? 1 }), options.minSize ?? 2);
    for (const family of families) await writeLine(options.json ? JSON.stringify(family) : `${renderFamilyText(family)}\n`);
    if (!options.json) process.stderr.write(`${families.length} ${families.length === 1 ? 'family' : 'families'}\n`);
  } finally {
    await store.close();
  }
  return EXIT.ok;
}
