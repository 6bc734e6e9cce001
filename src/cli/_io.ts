import { existsSync } from 'node:fs';
import { NewstraceError } from '../errors.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/types.js';

export const DEFAULT_DB = './newstrace.db';

/** Exit statuses: the only place they are chosen. */
export const EXIT = { ok: 0, failedInputs: 1, usage: 2, interrupted: 130 } as const;

/** Opens the database a command reads; it must already exist. */
export async function openExisting(path: string): Promise<Store> {
  if (!existsSync(path)) {
    throw new NewstraceError('NOT_FOUND', 'no database here (run `newstrace ingest` first, or pass --db)', { where: path });
  }
  return openStore({ path });
}

export function printError(error: NewstraceError | string): void {
  process.stderr.write(`newstrace: ${typeof error === 'string' ? error : error.describe()}\n`);
}

/** A number with thousands separators, for people. */
export const count = (n: number): string => Math.round(n).toLocaleString('en-US');
