import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared/data beside the repository (or NEWSTRACE_DATA). */
export const DATA_DIR = process.env['NEWSTRACE_DATA'] ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data');

export function requireData(sub: string): string {
  const path = join(DATA_DIR, sub);
  if (!existsSync(path)) {
    process.stderr.write(`evaluation data not found: ${path} (set NEWSTRACE_DATA to the shared data folder)\n`);
    process.exit(2);
  }
  return path;
}

/** The article bodies of the Article Extraction Benchmark, split by id into two disjoint pools. */
export function aebBodies(): { originals: string[]; fillers: string[] } {
  const gt = JSON.parse(readFileSync(join(requireData('aeb'), 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  const originals: string[] = [];
  const fillers: string[] = [];
  for (const id of Object.keys(gt).sort()) {
    const body = (gt[id] as { articleBody: string }).articleBody;
    (parseInt(id.slice(0, 2), 16) < 150 ? originals : fillers).push(body);
  }
  return { originals, fillers };
}

import { DEFAULTS, type Params } from '../src/defaults.js';

/** DEFAULTS with the overrides of `--params '{"align":{"minMatches":8}}'`, for experiments. */
export function paramsFromArgs(argv: string[] = process.argv): Params {
  const at = argv.indexOf('--params');
  if (at < 0) return DEFAULTS;
  const overrides = JSON.parse(argv[at + 1] ?? '{}') as Partial<Record<keyof Params, object>>;
  const out = structuredClone(DEFAULTS) as unknown as Record<string, object>;
  for (const [section, values] of Object.entries(overrides)) out[section] = { ...out[section], ...values };
  return out as unknown as Params;
}
