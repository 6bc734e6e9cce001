import { writeFileSync } from 'node:fs';
import { NewstraceError } from '../errors.js';
import { reportHtml } from '../report/build.js';
import { EXIT, openExisting } from './_io.js';

export interface ReportCommandOptions {
  db: string;
  output?: string;
}

/** `newstrace report <url> -o report.html`: one self-contained page about a stored article. */
export async function runReport(url: string, options: ReportCommandOptions): Promise<number> {
  const store = await openExisting(options.db);
  let html: string;
  try {
    html = await reportHtml(store, url);
  } finally {
    await store.close();
  }
  if (!options.output) {
    process.stdout.write(html);
    return EXIT.ok;
  }
  try {
    writeFileSync(options.output, html);
  } catch (cause) {
    throw new NewstraceError('BAD_ARGUMENT', `cannot write: ${(cause as Error).message}`, { where: options.output, cause });
  }
  process.stderr.write(`wrote ${options.output}\n`);
  return EXIT.ok;
}
