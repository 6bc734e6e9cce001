import { reportHtml } from '../report/build.js';
import { EXIT, openExisting, writeOutput } from './_io.js';

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
  writeOutput(html, options.output);
  if (options.output) process.stderr.write(`wrote ${options.output}\n`);
  return EXIT.ok;
}
