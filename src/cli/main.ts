#!/usr/bin/env node
import { availableParallelism } from 'node:os';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { isNewstraceError } from '../errors.js';
import { DEFAULT_DB, EXIT, printError, type WebCommandOptions } from './_io.js';
import { runExport } from './export.js';
import { runFamilies } from './families.js';
import { runQuotes } from './quotes.js';
import { runReport } from './report.js';
import { runSites } from './sites.js';
import { runExtract } from './extract.js';
import { runIngest, runReextract } from './ingest.js';
import { runTrace } from './trace.js';

const program = new Command('newstrace')
  .description('Trace where a news story came from: which articles are copies, of what, and how much.')
  .version('0.1.0')
  .exitOverride()
  .showHelpAfterError('(run newstrace --help for usage)');

let status: number = EXIT.ok;

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(status);
  throw error;
});

/** Options of the commands that trace every stored article: the database and the threads. */
function withTraceAllOptions(command: Command): Command {
  return command
    .option('--db <file>', 'SQLite database file', DEFAULT_DB)
    .option('--workers <n>', 'threads that trace the articles', (value) => parseCount(value, 1, 256), availableParallelism());
}

/** Options of the commands that fetch http(s) URLs. */
function withWebOptions(command: Command): Command {
  return command
    .option('--links <file>', 'also read the URLs in this file (one a line, # for comments)')
    .option('--allow-private', 'fetch from loopback, private and link-local addresses too (refused by default)')
    .option('--host-delay <seconds>', 'seconds between requests to one host at least (robots.txt Crawl-delay may ask more)', (v) => parseSeconds(v), 1)
    .option('--timeout <seconds>', 'seconds a page may take to fetch', (v) => parseSeconds(v), 30);
}

withWebOptions(program
  .command('ingest')
  .description('store articles, indexed for text reuse (JSON Lines, JSON, .txt, .html, WARC, RSS/Atom/JSON Feed, .gz, directories, http(s) URLs; - for stdin)')
  .argument('<paths...>', 'files, directories or URLs to read, or - for JSON Lines on stdin')
  .option('--db <file>', 'SQLite database file', DEFAULT_DB)
  .option('--no-progress', 'do not show progress, even on a terminal')
  .option('--batch-size <n>', 'articles per transaction (an interrupted ingest keeps every finished batch)', (v) => parseCount(v, 1, 1_000_000), 2500)
  .option('--workers <n>', 'threads that prepare articles while one writes', (value) => parseCount(value, 1, 256), Math.max(1, availableParallelism() - 1))
  .option('--attribution', 'also read and store each article\'s quotations, citations and anonymous sources (trace --attribution and quotes then read them)')
  .action(async (paths: string[], opts: { db: string; progress: boolean; batchSize: number; workers: number; attribution?: boolean } & WebCommandOptions) => {
    const { progress, ...rest } = opts;
    status = await runIngest(paths, {
      ...rest,
      ...(progress ? {} : { progress: false }),
    });
  }));

program
  .command('reextract')
  .description('extract every stored page again (HTML kept at ingest, WARC records read again) and re-index what changed')
  .option('--db <file>', 'SQLite database file', DEFAULT_DB)
  .option('--no-progress', 'do not show progress, even on a terminal')
  .option('--workers <n>', 'threads that extract pages while one writes', (value) => parseCount(value, 1, 256), Math.max(1, availableParallelism() - 1))
  .option('--attribution', 'also read and store the attribution of each article extracted again')
  .action(async (opts: { db: string; progress: boolean; workers: number; attribution?: boolean }) => {
    status = await runReextract({ db: opts.db, workers: opts.workers, ...(opts.attribution ? { attribution: true } : {}), ...(opts.progress ? {} : { progress: false }) });
  });

withWebOptions(program
  .command('trace')
  .description('say for each article whether it is original or copied, from which earlier articles and how much')
  .argument('[targets...]', 'urls of stored articles, or files and pages (fetched when not stored) to analyse without storing them')
  .option('--all', 'trace every stored article')
  .option('--db <file>', 'SQLite database file', DEFAULT_DB)
  .option('--json', 'print JSON Lines, one object per article')
  .option('--attribution', 'add who is quoted, which sources are cited, the anonymous sources, and what each copy kept, changed or dropped of its sources\' (English phrasings)')
  .option('--workers <n>', 'threads for --all', (value) => parseCount(value, 1, 256), availableParallelism())
  .action(async (targets: string[], opts: { db: string; all?: boolean; json?: boolean; attribution?: boolean; workers: number } & WebCommandOptions) => {
    status = await runTrace(targets, opts);
  }));

withWebOptions(program
  .command('extract')
  .description('print the article each page holds: its text and metadata (HTML files, WARC, feeds, .gz, directories, JSON Lines with "html", http(s) URLs)')
  .argument('<paths...>', 'files, directories or URLs to read')
  .option('--json', 'print JSON Lines, one object per page')
  .action(async (paths: string[], opts: { json?: boolean } & WebCommandOptions) => {
    status = await runExtract(paths, opts);
  }));

withTraceAllOptions(program
  .command('export')
  .description('write the reuse network (edges from each source to the article that reuses it, weighted by the share reused) for Gephi and network tools')
  .requiredOption('--format <format>', 'graphml, gexf or csv (the edges table; with -o FILE the nodes table goes to FILE.nodes.csv)', (v) => parseChoice(v, ['graphml', 'gexf', 'csv']))
  .option('--nodes <kind>', 'articles, or sites (an edge counts the articles of one site that reuse another\'s)', (v) => parseChoice(v, ['articles', 'sites']), 'articles')
  .option('-o, --output <file>', 'write to this file instead of stdout'))
  .action(async (opts: { format: 'graphml' | 'gexf' | 'csv'; nodes: 'articles' | 'sites'; output?: string; db: string; workers: number }) => {
    status = await runExport(opts);
  });

withTraceAllOptions(program
  .command('families')
  .description('group stored articles into story families (articles linked by reuse): origin, derivation tree with its evidence, delays')
  .option('--json', 'print JSON Lines, one object per family')
  .option('--min-size <n>', 'families of at least this many articles', (value) => parseCount(value, 1, 1_000_000), 2))
  .action(async (opts: { db: string; json?: boolean; minSize: number; workers: number }) => {
    status = await runFamilies(opts);
  });

withTraceAllOptions(program
  .command('sites')
  .description('profile each site: how much it copies and from whom, how soon, its bylines and biographies, its boilerplate and who shares it')
  .option('--json', 'print JSON Lines, one object per site')
  .option('--site <name>', 'only this site'))
  .action(async (opts: { db: string; json?: boolean; site?: string; workers: number }) => {
    status = await runSites(opts);
  });

program
  .command('report')
  .description('write one self-contained HTML page about a stored article: verdict, family tree, timeline, the article beside each source')
  .argument('<url>', 'url of a stored article')
  .option('-o, --output <file>', 'write to this file instead of stdout')
  .option('--db <file>', 'SQLite database file', DEFAULT_DB)
  .action(async (url: string, opts: { output?: string; db: string }) => {
    status = await runReport(url, opts);
  });

program
  .command('quotes')
  .description('the quotations of the stored articles grouped by identity (a cut or edited version joins its quotation): speakers, articles, earliest appearance; different speakers flagged')
  .option('--db <file>', 'SQLite database file', DEFAULT_DB)
  .option('--speaker <name>', 'only quotations given to a speaker whose name contains this')
  .option('--text <words>', 'only quotations with all these words')
  .option('--json', 'print JSON Lines, one object per quotation')
  .action(async (opts: { db: string; speaker?: string; text?: string; json?: boolean }) => {
    status = await runQuotes(opts);
  });

function parseChoice<T extends string>(value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${choices.join(', ')}`);
  return value as T;
}

function parseSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 3600) throw new InvalidArgumentError('expected seconds from 0 to 3600');
  return n;
}

function parseCount(value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
  return n;
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    status = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else if (isNewstraceError(error)) {
    printError(error);
    status = error.code === 'BAD_ARGUMENT' ? EXIT.usage : EXIT.failedInputs;
  } else throw error;
}
process.exitCode = status;
