import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest, readArticleFile, traceAll, traceArticle, traceUrl } from '../src/index.js';
import { PREVIEW_CHARS } from '../src/provenance/index.js';
import { bodies, fixtureText, paragraphs, spinEvery, storeWith, tempDir, type Rec } from './_helpers.js';

const [a, b, c, d] = bodies.map((x) => x.articleBody) as [string, string, string, string];
const origin: Rec = { url: 'https://origin.example/story', text: a, published: '2024-03-01T08:00Z', title: 'Origin' };

describe('trace', () => {
  it('calls a spun copy with a name swapped and lines added a copy of its origin', async () => {
    const copy = `Follow us on Telegram for more.\n\n${spinEvery(a.replaceAll('WeWork', 'Valdoria'), 3)}\n\nSource: origin.example`;
    const store = await storeWith([origin, { url: 'https://farm.example/1', text: copy, published: '2024-03-01T11:00Z' }]);
    const trace = await traceUrl(store, 'https://farm.example/1');
    assert.equal(trace.verdict, 'copy');
    assert.equal(trace.parent, origin.url);
    assert.ok(trace.coverage > 0.85 && trace.coverage < 1, `coverage ${trace.coverage}`);
    const source = trace.sources[0]!;
    assert.ok(source.substitutions.some((s) => s.from === 'WeWork' && s.to === 'Valdoria' && s.count >= 2));
    // Offsets point into both stored texts: the passage starts and ends at the same word on both sides.
    const p = source.passages[0]!;
    const edge = (text: string, begin: number, end: number) => [text.slice(begin).split(/\W/)[0], text.slice(0, end).split(/\W/).pop()];
    assert.deepEqual(edge(copy, p.begin, p.end), edge(a, p.sourceBegin, p.sourceEnd));
    const origTrace = await traceUrl(store, origin.url);
    assert.equal(origTrace.verdict, 'original');
    assert.deepEqual(origTrace.sources, []);
    // the later copy is listed with what it shares; what it changed is its own trace's to say
    const later = origTrace.related[0]!;
    assert.equal(later.relation, 'later');
    assert.ok(later.passages.length > 0 && later.coverage > 0.85);
    assert.equal(later.substitutions, undefined);
  });

  it('finds two copied paragraphs (a partial copy) and reports the share of the source reused', async () => {
    const taken = paragraphs(a).slice(1, 3).join('\n\n');
    const host = paragraphs(b).slice(0, 4);
    const text = [host[0], taken, ...host.slice(1)].join('\n\n');
    const store = await storeWith([origin, { url: 'https://partial.example/x', text, published: '2024-03-02' }]);
    const trace = await traceUrl(store, 'https://partial.example/x');
    assert.ok(trace.verdict === 'partial-copy' || trace.verdict === 'original');
    assert.equal(trace.sources.length, 1);
    const s = trace.sources[0]!;
    assert.ok(s.sourceCoverage > 0.1 && s.sourceCoverage < 0.5, `sourceCoverage ${s.sourceCoverage}`);
    assert.equal(text.slice(s.passages[0]!.begin, s.passages[0]!.end), a.slice(s.passages[0]!.sourceBegin, s.passages[0]!.sourceEnd));
  });

  it('names the intermediate copy as parent of a copy of a copy, and the origin as its parent', async () => {
    const first = `${spinEvery(a, 6)}\n\nRead more news at first.example every day.`;
    const second = `An introduction line that the second site wrote.\n\n${first}`;
    const store = await storeWith([
      origin,
      { url: 'https://first.example/1', text: first, published: '2024-03-01T12:00Z' },
      { url: 'https://second.example/1', text: second, published: '2024-03-01T20:00Z' },
    ]);
    assert.equal((await traceUrl(store, 'https://first.example/1')).parent, origin.url);
    const t = await traceUrl(store, 'https://second.example/1');
    assert.equal(t.parent, 'https://first.example/1');
    assert.equal(t.sources.length, 2);
  });

  it('takes the earliest of equal sources, and the largest of merged ones', async () => {
    const ps = paragraphs(c);
    const merged = [...paragraphs(a).slice(0, 6), ...ps.slice(0, 2)].join('\n\n');
    const store = await storeWith([
      origin,
      { url: 'https://reprint.example/1', text: a, published: '2024-03-01T09:00Z' },
      { url: 'https://other.example/c', text: c, published: '2024-02-28' },
      { url: 'https://merge.example/m', text: merged, published: '2024-03-03' },
      { url: 'https://late.example/1', text: a, published: '2024-03-02' },
    ]);
    assert.equal((await traceUrl(store, 'https://late.example/1')).parent, origin.url);
    const m = await traceUrl(store, 'https://merge.example/m');
    assert.equal(m.verdict, 'copy');
    assert.equal(m.parent, origin.url);
    assert.ok(m.sources.some((s) => s.url === 'https://other.example/c'));
  });

  it('does not call shared quotations copying', async () => {
    const quote = 'We received an inquiry from the office of the New York State Attorney General and are cooperating in the matter';
    assert.ok(a.includes(quote));
    const text = [...paragraphs(d).slice(0, 3), `A spokesperson told us: “${quote}.”`, ...paragraphs(d).slice(3, 5)].join('\n\n');
    const store = await storeWith([origin, { url: 'https://independent.example/q', text, published: '2024-03-02' }]);
    const t = await traceUrl(store, 'https://independent.example/q');
    assert.equal(t.verdict, 'original');
    assert.deepEqual(t.sources, []);
    assert.equal(t.related[0]?.relation, 'quote-only');
  });

  it('leaves undecided what dates cannot order, and does not count reuse within a site', async () => {
    const store = await storeWith([
      { ...origin, published: '2024-03-01' },
      { url: 'https://sameday.example/1', text: a, published: '2024-03-01T15:00Z' },
      { url: 'https://nodate.example/1', text: a },
    ]);
    for (const url of ['https://sameday.example/1', 'https://nodate.example/1']) {
      const t = await traceUrl(store, url);
      assert.equal(t.verdict, 'original', url);
      assert.equal(t.parent, null);
      const undecided = t.related.find((r) => r.url === origin.url && r.relation === 'undecided');
      assert.ok(undecided, url);
      // neither may be the copy: what differs between them is told in full
      assert.ok(Array.isArray(undecided.substitutions) && Array.isArray(undecided.added) && typeof undecided.changed === 'number', url);
    }
    const site = await storeWith([origin, { url: 'https://origin.example/again', text: a, published: '2024-03-05' }]);
    const again = await traceUrl(site, 'https://origin.example/again');
    assert.equal(again.verdict, 'original');
    assert.deepEqual(again.related.map((r) => [r.url, r.relation]), [[origin.url, 'same-site']]);
  });

  it('marks lines a site repeats under its articles as boilerplate and leaves them out of coverage', async () => {
    const footer = 'The Daily Example is published by Example Media Group in Springfield since 1901.';
    const own = paragraphs(d);
    const records: Rec[] = [0, 1, 2].map((k) => ({
      url: `https://daily.example/${k}`,
      text: `${paragraphs(bodies[k + 3]?.articleBody ?? b).slice(0, 3).join('\n\n')}\n\n${footer}`,
      published: `2024-03-0${k + 1}`,
    }));
    const store = await storeWith(records);
    const t = await traceUrl(store, 'https://daily.example/1');
    assert.deepEqual(t.boilerplate.map((x) => x.text), [footer]);
    assert.equal(t.boilerplate[0]!.kind, 'site-template');
    assert.equal(own.length > 0, true);
  });

  it('says how a copy was changed: names and spun words apart, the share changed, reordering, what was added and dropped, and boilerplate by kind', async () => {
    const paras = paragraphs(a);
    // the copy swaps the outlet's name once and a word everywhere, moves its last paragraph first, cuts the second,
    // and adds an intro, a call to action, a credit line and an author's biography
    const swapped = paras.map((p, k) => (k === 2 ? `${p} The Origin Times first reported the story.` : p));
    const source: Rec = { ...origin, text: swapped.join('\n\n') };
    const spun = swapped.map((p, k) => (k === 2 ? p.replace('The Origin Times first', 'The Farm Gazette first') : p).replaceAll(' company ', ' firm '));
    const body = [spun[spun.length - 1], spun[0], ...spun.slice(2, -1)] as string[];
    const bio = 'Jane Marlow is a freelance writer who covers business and technology for several outlets.';
    const text = ['In a surprising development this week, here is what we know so far about it.', ...body, 'Follow us on Telegram to get the latest news first.', 'Source: origin.example', bio].join('\n\n');
    const store = await storeWith([source, { url: 'https://gazette.example/1', site: 'gazette.example', text, published: '2024-03-01T12:00Z' }]);
    const t = await traceUrl(store, 'https://gazette.example/1');
    assert.equal(t.verdict, 'copy');
    const s = t.sources[0]!;
    const kinds = new Map(s.substitutions.map((x) => [`${x.from}>${x.to}`, x.kind]));
    assert.equal(kinds.get('Origin>Farm'), 'name');
    assert.equal(kinds.get('Times>Gazette'), 'name');
    if (a.includes(' company ')) assert.equal(kinds.get('company>firm'), 'word');
    assert.ok(s.changed > 0 && s.changed < 0.2, `changed ${s.changed}`);
    assert.equal(s.reordered, true);
    assert.ok(s.added.some((x) => x.text.startsWith('In a surprising development')), 'the new intro is added');
    assert.ok(s.dropped.some((x) => x.text.includes((paras[1] as string).slice(0, 40))), 'the cut paragraph is dropped');
    // each span's text is the text at its offsets, a long one cut to its opening
    for (const [spans, whole] of [[s.added, text], [s.dropped, source.text]] as const) {
      for (const x of spans) {
        const full = whole.slice(x.begin, x.end);
        if (full.length <= PREVIEW_CHARS) assert.equal(x.text, full);
        else assert.ok(x.text.endsWith(' …') && x.text.length <= PREVIEW_CHARS + 2 && full.startsWith(x.text.slice(0, -2)), x.text);
      }
    }
    assert.ok([...s.added, ...s.dropped].some((x) => x.end - x.begin > PREVIEW_CHARS), 'a long span is in the test');
    assert.deepEqual(
      t.boilerplate.map((x) => [x.kind, x.text]),
      [
        ['call-to-action', 'Follow us on Telegram to get the latest news first.'],
        ['credit-line', 'Source: origin.example'],
        ['author-bio', bio],
      ],
    );
    // boilerplate is not the article's own text: what is left is all the source's
    assert.ok(t.coverage > 0.9, `coverage ${t.coverage}`);
  });

  it('gets it right when the origin arrives after its copies', async () => {
    const dir = tempDir();
    const store = await storeWith([{ url: 'https://copy.example/1', text: `${a}\n\nShare this story.`, published: '2024-03-01T10:00Z' }], dir);
    assert.equal((await traceUrl(store, 'https://copy.example/1')).verdict, 'original');
    const file = join(dir, 'late.jsonl');
    writeFileSync(file, JSON.stringify(origin));
    await ingest(store, [file]);
    const t = await traceUrl(store, 'https://copy.example/1');
    assert.equal(t.verdict, 'copy');
    assert.equal(t.parent, origin.url);
  });

  it('traces a file without storing it, and every stored article with traceAll', async () => {
    const dir = tempDir();
    const store = await storeWith([origin, { url: 'https://b.example/', text: b, published: '2024-01-01' }], dir);
    const file = join(dir, 'suspect.txt');
    writeFileSync(file, `Suspect headline\n${a}`);
    const records = [];
    for await (const r of readArticleFile([file])) records.push(r);
    assert.equal(records.length, 1);
    const article = (records[0] as { article: Parameters<typeof traceArticle>[1] }).article;
    assert.equal(article.url.startsWith('file://'), true);
    assert.equal(article.title, 'Suspect headline');
    // A file has no date: its relation to the stored origin is undecided.
    const undated = await traceArticle(store, article);
    assert.deepEqual(undated.related.map((r) => [r.url, r.relation]), [[origin.url, 'undecided']]);
    const dated = await traceArticle(store, { ...article, published: '2024-03-09' });
    assert.equal(dated.verdict, 'copy');
    assert.equal(dated.parent, origin.url);
    assert.equal(await store.count(), 2);
    const all = [];
    for await (const trace of traceAll(store)) all.push(trace.url);
    assert.deepEqual(all, [origin.url, 'https://b.example/']);
  });

  it('gives the same traces one by one, with traceAll, and with traceAll on two threads, shared lists in memory or not', async () => {
    const footer = 'The Daily Example is published by Example Media Group in Springfield since 1901.';
    const records: Rec[] = [
      origin,
      { url: 'https://farm.example/1', text: `${spinEvery(a, 4)}\n\n${footer}`, published: '2024-03-01T10:00Z' },
      { url: 'https://farm.example/2', text: `${b}\n\n${footer}`, published: '2024-03-02' },
      { url: 'https://farm.example/3', text: `${c}\n\n${footer}`, published: '2024-03-03' },
      { url: 'https://second.example/1', text: `Intro of the second site.\n\n${spinEvery(a, 4)}`, published: '2024-03-04' },
      { url: 'https://other.example/d', text: d, published: '2024-01-01' },
    ];
    const store = await storeWith(records);
    const one = [];
    for (const r of records) one.push(await traceUrl(store, r.url));
    const all = [];
    for await (const t of traceAll(store)) all.push(t);
    const threaded = [];
    for await (const t of traceAll(store, { workers: 2 })) threaded.push(t);
    // no memory for the shared posting lists: a Bloom filter picks the features to look up
    const lean = await storeWith(records, tempDir(), { sharedPostingsBudget: 0 });
    assert.ok((await lean.sharedPostings(200)).filter);
    const filtered = [];
    for await (const t of traceAll(lean, { workers: 2 })) filtered.push(t);
    assert.deepEqual(all, one);
    assert.deepEqual(threaded, one);
    assert.deepEqual(filtered, one);
    assert.equal(one[1]!.boilerplate[0]?.text, footer);
    assert.equal(one[4]!.parent, 'https://farm.example/1');
  });

  it('finds copies in Chinese and Japanese, written without spaces', async () => {
    for (const name of ['zh.txt', 'ja.txt']) {
      const [title, ...rest] = fixtureText(name).split('\n');
      const text = rest.join('\n').trim();
      const ps = paragraphs(text);
      const copy = `${ps.slice(0, Math.max(2, ps.length - 1)).join('\n\n')}\n\n关注我们的频道。`;
      const store = await storeWith([
        { url: `https://asia.example/${name}`, text, title: title!, published: '2024-01-01' },
        { url: `https://copier.example/${name}`, text: copy, published: '2024-01-02' },
        { url: 'https://unrelated.example/', text: b, published: '2023-12-01' },
      ]);
      const t = await traceUrl(store, `https://copier.example/${name}`);
      assert.equal(t.verdict, 'copy', name);
      assert.equal(t.parent, `https://asia.example/${name}`);
    }
  });
});

describe('profile cache', () => {
  it('keeps profiles up to a number of words, the least recently used leaving first', async () => {
    const { ProfileCache } = await import('../src/trace/index.js');
    const { profile } = await import('../src/align/index.js');
    const { tokenize } = await import('../src/text/tokenize.js');
    const { DEFAULTS } = await import('../src/defaults.js');
    const entry = (words: number) => ({ article: {} as never, profile: profile(tokenize(Array.from({ length: words }, (_, i) => `w${i}`).join(' ')), DEFAULTS.align) });
    const cache = new ProfileCache(100);
    cache.set(1, entry(40));
    cache.set(2, entry(40));
    assert.ok(cache.get(1), 'both fit');
    cache.set(3, entry(40)); // 120 words: the least recently used (2) leaves
    assert.deepEqual([1, 2, 3].map((id) => Boolean(cache.get(id))), [true, false, true]);
    cache.set(4, entry(1000)); // longer than the whole cache: nothing stays, itself included
    assert.deepEqual([1, 3, 4].map((id) => Boolean(cache.get(id))), [false, false, false]);
  });
});
