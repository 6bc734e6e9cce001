import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openStore } from '../src/index.js';
import { bodies, checkIndex, tempDir } from './_helpers.js';

const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const run = (args: string[], input?: string) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const [a, b] = bodies.map((x) => x.articleBody) as [string, string];

function corpusFile(dir: string): string {
  const file = join(dir, 'corpus.jsonl');
  writeFileSync(
    file,
    [
      { url: 'https://origin.example/1', text: a, published: '2024-03-01T08:00Z', title: 'The story' },
      { url: 'https://farm.example/1', text: `Follow us for more.\n\n${a}`, published: '2024-03-01T10:00Z' },
      { url: 'https://other.example/1', text: b, published: '2024-03-01' },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  return file;
}

describe('newstrace command', () => {
  it('documents its commands', () => {
    const r = run(['--help']);
    assert.equal(r.status, 0);
    for (const word of ['ingest', 'trace']) assert.match(r.stdout, new RegExp(word));
    assert.match(run(['trace', '--help']).stdout, /--all[\s\S]*--db[\s\S]*--json/);
  });

  it('ingests, then traces as text and as JSON Lines', () => {
    const dir = tempDir();
    const db = join(dir, 'n.db');
    const ingest = run(['ingest', corpusFile(dir), '--db', db]);
    assert.equal(ingest.status, 0, ingest.stderr);
    assert.match(ingest.stdout, /^ingested 3 articles \(3 added, 0 replaced, 0 unchanged\), 0 failed, in [\d.]+ s/);
    const text = run(['trace', 'https://farm.example/1', '--db', db]);
    assert.equal(text.status, 0);
    // the call to action it added is boilerplate, not its own words
    assert.match(text.stdout, /COPY: 100% of its own words/);
    assert.match(text.stdout, /boilerplate, left out of coverage: 1 call\(s\) to action/);
    assert.match(text.stdout, /parent: https:\/\/origin\.example\/1/);
    const json = run(['trace', '--all', '--json', '--db', db]);
    assert.equal(json.status, 0);
    const traces = json.stdout.trim().split('\n').map((line) => JSON.parse(line));
    assert.equal(traces.length, 3);
    const copy = traces.find((t) => t.url === 'https://farm.example/1');
    assert.deepEqual(Object.keys(copy).slice(0, 10), ['url', 'title', 'site', 'published', 'verdict', 'coverage', 'parent', 'sources', 'boilerplate', 'related']);
    assert.equal(copy.verdict, 'copy');
    const source = copy.sources[0];
    assert.deepEqual(Object.keys(source).sort(), ['added', 'changed', 'coverage', 'dropped', 'passages', 'published', 'reordered', 'site', 'sourceCoverage', 'substitutions', 'title', 'url']);
    assert.deepEqual(copy.boilerplate.map((b: { kind: string; text: string }) => [b.kind, b.text]), [['call-to-action', 'Follow us for more.']]);
    assert.deepEqual(Object.keys(source.passages[0]).sort(), ['begin', 'end', 'similarity', 'sourceBegin', 'sourceEnd']);
    assert.equal(traces.find((t) => t.url === 'https://other.example/1').verdict, 'original');
  });

  it('stops quietly when its reader goes away', () => {
    const dir = tempDir();
    const db = join(dir, 'n.db');
    // Enough output to fill the pipe after the reader has gone.
    const file = join(dir, 'many.jsonl');
    const lines = Array.from({ length: 120 }, (_, k) =>
      JSON.stringify({ url: `https://site${k}.example/`, text: bodies[k % bodies.length]!.articleBody, published: `2024-01-01T${String(k % 24).padStart(2, '0')}:${String(k % 60).padStart(2, '0')}Z` }),
    );
    writeFileSync(file, lines.join('\n'));
    run(['ingest', file, '--db', db]);
    const r = spawnSync('sh', ['-c', `"${process.execPath}" --import tsx "${MAIN}" trace --all --json --workers 1 --db "${db}" | head -1`], { encoding: 'utf8' });
    assert.equal(r.stdout.split('\n').filter(Boolean).length, 1);
    assert.doesNotMatch(r.stderr, /EPIPE|Error/);
  });

  it('reads stdin and says what failed, without stack traces, with a non-zero status', () => {
    const dir = tempDir();
    const db = join(dir, 'n.db');
    const r = run(['ingest', '-', '--db', db], `${JSON.stringify({ url: 'https://x.example/', text: a })}\n{oops\n`);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^newstrace: stdin:2: invalid JSON/m);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    assert.match(r.stdout, /1 added.*1 failed/);
    // not stored, so fetched: a host that does not exist (.invalid never does) is named with the reason
    const missing = run(['trace', 'https://nowhere.invalid/', '--db', db, '--timeout', '10']);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /https:\/\/nowhere\.invalid\/: cannot fetch: no address found for nowhere\.invalid/);
    const unknown = run(['trace', 'ftp://nowhere.example/', '--db', db]);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /ftp:\/\/nowhere\.example\/: no stored article has this url/);
    assert.equal(run(['trace', '--db', db]).status, 2);
    const nodb = run(['trace', '--all', '--db', join(dir, 'absent.db')]);
    assert.equal(nodb.status, 1);
    assert.match(nodb.stderr, /absent\.db: no database here/);
    assert.equal(run(['frobnicate']).status, 2);
  });

  it('keeps every finished article when killed mid-ingest, and a rerun finishes the job', async () => {
    const dir = tempDir();
    const file = join(dir, 'big.jsonl');
    const total = 6000;
    const lines: string[] = [];
    for (let k = 0; k < total; k++) lines.push(JSON.stringify({ url: `https://big.example/${k}`, text: `${bodies[k % bodies.length]!.articleBody}\n\nNumber ${k}.` }));
    writeFileSync(file, lines.join('\n'));
    const db = join(dir, 'big.db');
    let before = 0;
    for (const signal of ['SIGKILL', 'SIGINT'] as const) {
      const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'ingest', file, '--db', db, '--batch-size', '500'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      let stored = before;
      for (let tries = 0; tries < 400 && stored <= before; tries++) {
        await new Promise((r) => setTimeout(r, 25));
        try {
          const conn = new Database(db, { readonly: true, fileMustExist: true });
          stored = (conn.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
          conn.close();
        } catch {
          // not created yet
        }
      }
      child.kill(signal);
      const code = await exited;
      const conn = new Database(db, { readonly: true });
      const n = (conn.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
      conn.close();
      const store = await openStore({ path: db, readonly: true });
      await checkIndex(store, 97);
      await store.close();
      assert.ok(n > before && n < total, `${signal}: ${n} stored`);
      before = n;
      if (signal === 'SIGINT') {
        assert.equal(code, 130);
        assert.match(stdout, /^interrupted after \d[\d,]* articles/);
      }
    }
    const rerun = run(['ingest', file, '--db', db]);
    assert.equal(rerun.status, 0, rerun.stderr);
    const conn = new Database(db, { readonly: true });
    assert.equal((conn.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n, total);
    conn.close();
  });
});
