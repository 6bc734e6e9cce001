import { extractPage, isNoArticle, type ExtractedArticle, type NoArticle } from '../extract/index.js';
import { NewstraceError } from '../errors.js';
import { hasHtml, htmlOf } from '../ingest/page.js';
import { readInputs } from '../ingest/read.js';
import { count, EXIT, fetchOptionsOf, printError, withLinks, type WebCommandOptions } from './_io.js';
import { writeLine } from './trace.js';

export interface ExtractCommandOptions extends WebCommandOptions {
  json?: boolean;
}

const FIELDS = ['url', 'canonicalUrl', 'title', 'author', 'authorFrom', 'published', 'publishedFrom', 'site', 'language', 'description'] as const;

function renderText(source: string, page: ExtractedArticle | NoArticle): string {
  const lines = [`== ${source}`];
  for (const field of FIELDS) if (page[field]) lines.push(`${field}: ${page[field]}`);
  if (isNoArticle(page)) return [...lines, `error: ${page.error}`, ''].join('\n');
  return [...lines, '', page.text, ''].join('\n');
}

/** `newstrace extract <file|dir|URL …> [--json]`: prints each page's article; returns the exit status. */
export async function runExtract(paths: string[], options: ExtractCommandOptions): Promise<number> {
  const targets = withLinks(paths, options.links);
  let articles = 0;
  let empty = 0;
  let failed = 0;
  for await (const record of readInputs(targets, { fetch: fetchOptionsOf(options) })) {
    if ('error' in record) {
      failed++;
      printError(record.error);
      continue;
    }
    if (!('input' in record)) continue;
    const { where, input } = record;
    if (!hasHtml(input)) {
      failed++;
      printError(new NewstraceError('BAD_INPUT', 'not a page: the record has "text" and no "html"', { where }));
      continue;
    }
    const url = input.url.startsWith('file:') ? null : input.url;
    const page = extractPage(htmlOf(input), { url });
    const shown = url ? page : { ...page, url: input.url };
    if (isNoArticle(page)) empty++;
    else articles++;
    await writeLine(options.json ? JSON.stringify({ source: where, ...shown }) : renderText(where, shown));
  }
  process.stderr.write(`extracted ${count(articles)} articles; ${count(empty)} pages without an article, ${count(failed)} failed\n`);
  return failed > 0 ? EXIT.failedInputs : EXIT.ok;
}
