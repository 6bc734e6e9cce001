import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ingest, openStore, traceUrl, type NewstraceError } from '../src/index.js';
import { MAX_RECORD_BYTES } from '../src/defaults.js';
import { bodies, checkIndex, FIXTURES, tempDir } from './_helpers.js';

const [a, b] = bodies.map((x) => x.articleBody) as [string, string];

async function ingestInto(dir: string, paths: string[], stdin?: Readable, freshArticles?: number) {
  const store = await openStore({ path: join(dir, 'n.db'), ...(freshArticles ? { freshArticles } : {}) });
  const errors: NewstraceError[] = [];
  const summary = await ingest(store, paths, { onError: (e) => errors.push(e), ...(stdin ? { stdin } : {}) });
  return { store, summary, errors };
}

describe('ingest', () => {
  it('reads JSON Lines, JSON, text, HTML, gzip and directories, keeping fields and metadata', async () => {
    const dir = tempDir();
    const input = join(dir, 'in');
    mkdirSync(join(input, 'nested'), { recursive: true });
    writeFileSync(
      join(input, 'a.jsonl'),
      `${JSON.stringify({ url: 'https://www.news.example/a', text: a, published: '2024-03-01T10:00+01:00', author: 'A. Writer', section: 'world' })}\n\n`,
    );
    writeFileSync(join(input, 'b.json'), JSON.stringify([{ url: 'https://b.example/1', html: `<html><body><article><p>${b.split('\n\n').join('</p><p>')}</p></article></body></html>`, site: 'Bee' }]));
    writeFileSync(join(input, 'nested', 'c.txt.gz'), gzipSync(`The title line\n${a.slice(0, 2000)}`));
    writeFileSync(join(input, 'nested', 'd.ndjson.gz'), gzipSync(JSON.stringify({ url: 'https://d.example/', text: 'Short text here.', published: '2024-03' })));
    writeFileSync(join(input, 'notes.md'), 'not an input');
    copyFileSync(new URL('aeb-page.html.gz', FIXTURES), join(input, 'page.html.gz'));
    const { store, summary, errors } = await ingestInto(dir, [input]);
    assert.deepEqual(errors, []);
    assert.equal(summary.added, 5);
    const first = (await store.getByUrl('https://www.news.example/a'))!;
    assert.equal(first.site, 'news.example');
    assert.equal(first.published, '2024-03-01T10:00+01:00');
    assert.equal(first.author, 'A. Writer');
    assert.deepEqual(first.meta, { section: 'world' });
    assert.equal((await store.getByUrl('https://d.example/'))!.published, '2024-03');
    assert.equal((await store.getByUrl('https://b.example/1'))!.site, 'Bee');
    assert.ok((await store.getByUrl('https://b.example/1'))!.text.includes(b.split('\n\n')[1]!));
    const txt = await store.getMany([3]);
    assert.equal(txt[0]!.title, 'The title line');
    assert.ok(txt[0]!.url.startsWith('file://') && txt[0]!.url.endsWith('c.txt.gz'));
    // The saved page: its extracted text holds the gold body's opening.
    const page = (await store.getMany([5]))[0]!;
    assert.ok(page.text.includes(a.split('\n\n')[0]!.slice(0, 80)), page.text.slice(0, 200));
    await store.close();
  });

  it('reads JSON Lines from stdin', async () => {
    const { summary, store } = await ingestInto(tempDir(), ['-'], Readable.from([`${JSON.stringify({ url: 'https://s.example/', text: a })}\n`]));
    assert.equal(summary.added, 1);
    await store.close();
  });

  it('changes nothing when the same input comes twice, and replaces an article whose content changed', async () => {
    const dir = tempDir();
    const file = join(dir, 'x.jsonl');
    writeFileSync(file, [JSON.stringify({ url: 'https://o.example/', text: a, published: '2024-01-01' }), JSON.stringify({ url: 'https://c.example/', text: a, published: '2024-01-02' })].join('\n'));
    const first = await ingestInto(dir, [file]);
    assert.equal(first.summary.added, 2);
    const seen = (await first.store.getByUrl('https://o.example/'))!.firstSeen;
    await first.store.close();
    const again = await ingestInto(dir, [file]);
    assert.deepEqual([again.summary.added, again.summary.replaced, again.summary.unchanged], [0, 0, 2]);
    assert.equal((await traceUrl(again.store, 'https://c.example/')).verdict, 'copy');
    await again.store.close();
    // The copy is rewritten as another text: it is no longer a copy, and keeps its first-seen time.
    writeFileSync(file, JSON.stringify({ url: 'https://c.example/', text: b, published: '2024-01-02' }));
    const changed = await ingestInto(dir, [file]);
    assert.equal(changed.summary.replaced, 1);
    assert.equal(await changed.store.count(), 2);
    const t = await traceUrl(changed.store, 'https://c.example/');
    assert.equal(t.verdict, 'original');
    assert.deepEqual(t.sources, []);
    assert.equal((await changed.store.getByUrl('https://o.example/'))!.firstSeen, seen);
    await changed.store.close();
  });

  it('stores texts in any script exactly, whether prepared on a worker thread or on this one', async () => {
    const dir = tempDir();
    const file = join(dir, 'x.jsonl');
    const texts = [
      `“Quoted,” she said — café. ${a.slice(0, 300)}`,
      '北京时间3月1日，新华社报道。\n\n第二段文字。',
      'مرحبا بالعالم\n\nعربي 😀 emoji 𝔘 and ASCII',
      'plain ascii only',
      // long enough that its bytes outgrow the room a batch's texts start with
      `${'新华社报道，北京时间。'.repeat(800)}\n\nend`,
    ];
    writeFileSync(file, texts.map((text, i) => JSON.stringify({ url: `https://s${i}.example/`, text })).join('\n'));
    const store = await openStore({ path: join(dir, 'n.db') });
    const first = await ingest(store, [file], { workers: 1 });
    assert.equal(first.added, texts.length);
    for (const [i, text] of texts.entries()) assert.equal((await store.getByUrl(`https://s${i}.example/`))!.text, text);
    // the same records prepared on this thread hash the same: nothing changed
    const again = await ingest(store, [file], { workers: 0 });
    assert.deepEqual([again.added, again.replaced, again.unchanged], [0, 0, texts.length]);
    await store.close();
  });

  it('keeps only the last version of a url given twice in one batch', async () => {
    const dir = tempDir();
    const file = join(dir, 'twice.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ url: 'https://o.example/', text: a, published: '2024-01-01' }),
        JSON.stringify({ url: 'https://c.example/', text: a, published: '2024-01-02' }),
        JSON.stringify({ url: 'https://c.example/', text: b, published: '2024-01-02' }),
      ].join('\n'),
    );
    // a run written after every article: the first version's postings reach a run before it is replaced
    const { store, summary } = await ingestInto(dir, [file], undefined, 1);
    assert.deepEqual([summary.added, summary.replaced], [2, 1]);
    assert.equal((await store.getByUrl('https://c.example/'))!.text, b);
    // The first version's index entries are not found any more: the origin has no copy,
    // and the index lists exactly the articles stored.
    const origin = await traceUrl(store, 'https://o.example/');
    assert.deepEqual(origin.related, []);
    await checkIndex(store);
    await store.close();
  });

  it('reports each bad record with its file, line and reason, and stores the rest', async () => {
    const dir = tempDir();
    const file = join(dir, 'mixed.jsonl');
    const good = (n: number) => JSON.stringify({ url: `https://g.example/${n}`, text: a });
    const lines = [
      good(1),
      '{"url": "https://broken.example/", "text": ',
      JSON.stringify({ text: 'no url' }),
      JSON.stringify({ url: 'https://no-text.example/' }),
      JSON.stringify({ url: 'not a url', text: 'x' }),
      JSON.stringify({ url: 'https://bad-date.example/', text: 'x', published: 'last Tuesday' }),
      JSON.stringify({ url: 'https://bad-type.example/', text: 42 }),
      '[1, 2]',
    ];
    const bytes = Buffer.concat([
      Buffer.from(lines.join('\n') + '\n'),
      Buffer.from('{"url": "https://latin1.example/", "text": "caf'),
      Buffer.from([0xe9]),
      Buffer.from('"}\n'),
      Buffer.from(`{"url": "https://huge.example/", "text": "${'x'.repeat(MAX_RECORD_BYTES + 10)}"}\n`),
      Buffer.from(good(2)),
    ]);
    writeFileSync(file, bytes);
    writeFileSync(join(dir, 'file.pdf'), '%PDF-1.4');
    const { store, summary, errors } = await ingestInto(dir, [file, join(dir, 'missing.jsonl'), join(dir, 'file.pdf')]);
    assert.equal(summary.added, 2);
    assert.equal(summary.failed, 11);
    // Errors come as records are read or prepared; compare them in line order.
    const lineOf = (d: string) => Number(/:(\d+):/.exec(d)?.[1] ?? 1e9);
    const described = errors.map((e) => e.describe().replace(dir, 'DIR')).sort((x, y) => lineOf(x) - lineOf(y) || x.localeCompare(y));
    const expectations: Array<[string, RegExp]> = [
      ['DIR/mixed.jsonl:2: ', /invalid JSON/],
      ['DIR/mixed.jsonl:3: ', /missing "url"/],
      ['DIR/mixed.jsonl:4: ', /missing "text" or "html"/],
      ['DIR/mixed.jsonl:5: ', /not an absolute URL/],
      ['DIR/mixed.jsonl:6: ', /not an ISO 8601 date/],
      ['DIR/mixed.jsonl:7: ', /"text" must be a string/],
      ['DIR/mixed.jsonl:8: ', /expected a JSON object/],
      ['DIR/mixed.jsonl:9: ', /invalid UTF-8/],
      ['DIR/mixed.jsonl:10: ', /larger than 16 MiB/],
      ['DIR/file.pdf: ', /unknown file type/],
      ['DIR/missing.jsonl: ', /no such file/],
    ];
    assert.equal(described.length, expectations.length);
    expectations.forEach(([prefix, reason], k) => {
      assert.ok(described[k]!.startsWith(prefix) && reason.test(described[k]!), `${described[k]} (want ${prefix} ${reason})`);
    });
    assert.ok(await store.getByUrl('https://g.example/2'));
    await store.close();
  });
});
