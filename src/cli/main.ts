#!/usr/bin/env node
import { availableParallelism } from 'node:os';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { isNewstraceError } from '../errors.js';
import { DEFAULT_DB, EXIT, printError } from './_io.js';
import { runExtract } from './extract.js';
import { runIngest } from './ingest.js';
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

program
  .command('ingest')
  .description('store articles, indexed for text reuse (JSON Lines, JSON, .txt, .html, .gz, directories; - for stdin)')
  .argument('<paths...>', 'files or directories to read, or - for JSON Lines on stdin')
  .option('--db <file>', 'SQLite database file', DEFAULT_DB)
  .option('--no-progress', 'do not show progress, even on a terminal')
  .option('--batch-size <n>', 'articles per transaction (an interrupted ingest keeps every finished batch)', (v) => parseCount(v, 1, 1_000_000), 2500)
  .option('--workers <n>', 'threads that prepare articles while one writes', (value) => parseCount(value, 1, 256), Math.max(1, availableParallelism() - 1))
  .action(async (paths: string[], opts: { db: string; progress: boolean; batchSize: number; workers: number }) => {
    status = await runIngest(paths, {
      db: opts.db,
      batchSize: opts.batchSize,
      workers: opts.workers,
      ...(opts.progress ? {} : { progress: false }),
    });
  });

program
  .command('trace')
  .description('say for each article whether it is original or copied, from which earlier articles and how much')
  .argument('[targets...]', 'urls of stored articles, or files to analyse without storing them')
  .option('--all', 'trace every stored article')
  .option('--db <file>', 'SQLite database file', DEFAULT_DB)
  .option('--json', 'print JSON Lines, one object per article')
  .option('--workers <n>', 'threads for --all', (value) => parseCount(value, 1, 256), availableParallelism())
  .action(async (targets: string[], opts: { db: string; all?: boolean; json?: boolean; workers: number }) => {
    status = await runTrace(targets, opts);
  });

program
  .command('extract')
  .description("print the article each page holds: its text and metadata (HTML files, .gz, directories, JSON Lines with \"html\")")
  .argument('<paths...>', 'files or directories to read')
  .option('--json', 'print JSON Lines, one object per page')
  .action(async (paths: string[], opts: { json?: boolean }) => {
    status = await runExtract(paths, opts);
  });

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
