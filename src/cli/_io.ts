import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { FetchOptions } from '../fetch/index.js';
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

/** The command-line options of the commands that fetch pages. */
export interface WebCommandOptions {
  allowPrivate?: boolean;
  hostDelay?: number;
  timeout?: number;
  links?: string;
}

export function fetchOptionsOf(options: WebCommandOptions): FetchOptions {
  return {
    ...(options.allowPrivate ? { allowPrivate: true } : {}),
    ...(options.hostDelay !== undefined ? { hostDelay: options.hostDelay } : {}),
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
  };
}

/** The paths named on the command line, and the URLs of a `--links` file (one a line; # starts a comment). */
export function withLinks(paths: string[], links: string | undefined): string[] {
  if (!links) return paths;
  let text: string;
  try {
    text = readFileSync(links, 'utf8');
  } catch (cause) {
    throw new NewstraceError('NOT_FOUND', `cannot read the links file: ${(cause as Error).message}`, { where: links, cause });
  }
  const urls: string[] = [];
  text.split('\n').forEach((line, k) => {
    const url = line.replace(/#.*/, '').trim();
    if (!url) return;
    if (!/^https?:\/\/\S+$/i.test(url)) throw new NewstraceError('BAD_ARGUMENT', `not an http(s) URL: ${JSON.stringify(url.slice(0, 200))}`, { where: `${links}:${k + 1}` });
    urls.push(url);
  });
  return [...paths, ...urls];
}

/** Writes a command's output to `file` (with the files beside it, if any), or to stdout when there is none. */
export function writeOutput(text: string, file: string | undefined, beside: Array<[string, string]> = []): void {
  if (!file) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(file, text);
    for (const [path, content] of beside) writeFileSync(path, content);
  } catch (cause) {
    throw new NewstraceError('BAD_ARGUMENT', `cannot write: ${(cause as Error).message}`, { where: file, cause });
  }
}
