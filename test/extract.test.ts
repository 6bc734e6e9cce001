import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { decodePage, extractPage, isNoArticle, type ExtractedArticle } from '../src/extract/index.js';
import { datesInText, firstDateInText } from '../src/extract/dates.js';
import { parseHtml } from '../src/extract/parse.js';
import { textBoilerplate } from '../src/provenance/boilerplate.js';
import { declared as declaredOf, hostOf } from '../src/extract/metadata.js';
import { shortText } from '../src/extract/dom.js';
import { bylineName } from '../src/extract/byline.js';
import { parseDocument } from 'htmlparser2';
import type { Document, Element } from 'domhandler';
import { aebPages, FIXTURES, tempDir } from './_helpers.js';

const page = (name: string): Buffer => gunzipSync(readFileSync(new URL(name, FIXTURES)));
/** Four paragraphs long enough to be an article's, about `about`. */
const fourParagraphs = (about: string): string =>
  [1, 2, 3, 4].map((n) => `<p>Paragraph ${n} of ${about}, long enough to be one, with several words in it.</p>`).join('');

/** F1 over 4-word shingles, as the Article Extraction Benchmark scores a body. */
function shingleF1(truth: string, got: string): number {
  const grams = (s: string): Map<string, number> => {
    const t = s.match(/[\p{L}\p{N}_]+/gu) ?? [];
    const m = new Map<string, number>();
    for (let i = 0; i + 4 <= t.length; i++) m.set(t.slice(i, i + 4).join(' '), (m.get(t.slice(i, i + 4).join(' ')) ?? 0) + 1);
    return m;
  };
  const a = grams(truth);
  const b = grams(got);
  let tp = 0;
  for (const [k, n] of b) tp += Math.min(n, a.get(k) ?? 0);
  const sa = [...a.values()].reduce((x, y) => x + y, 0);
  const sb = [...b.values()].reduce((x, y) => x + y, 0);
  return tp === 0 ? 0 : (2 * tp) / (sa + sb);
}

const article = (result: ReturnType<typeof extractPage>): ExtractedArticle => {
  assert.ok(!isNoArticle(result), `expected an article, got: ${isNoArticle(result) ? result.error : ''}`);
  return result as ExtractedArticle;
};

for (const p of aebPages) {
  test(`extract: real page with ${p.case} gives its article body`, () => {
    const got = article(extractPage(decodePage(page(p.file)).text, { url: p.url }));
    const f1 = shingleF1(p.articleBody, got.text);
    assert.ok(f1 >= 0.85, `F1 ${f1.toFixed(3)} against the gold body`);
  });
}

test('extract: metadata from JSON-LD and meta elements; the title without the site name', () => {
  const html = `<!doctype html><html lang="de"><head>
    <title>Brücke gesperrt | Tagesblatt</title>
    <meta property="og:site_name" content="Tagesblatt">
    <meta name="description" content="Die Brücke bleibt bis Mai zu.">
    <link rel="canonical" href="/lokal/bruecke">
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
      {"@type":"NewsArticle","headline":"Brücke gesperrt","datePublished":"2024-03-05T08:30:00+01:00","author":[{"@type":"Person","name":"Anna Weber"}]}]}</script>
    </head><body><nav><a href="/">Start</a> <a href="/lokal">Lokal</a></nav>
    <article><h1>Brücke gesperrt</h1>
    <p>Die alte Brücke über den Fluss ist seit Montag gesperrt, weil Gutachter Risse im Beton gefunden haben, die größer sind als erwartet.</p>
    <p>Die Stadt richtet eine Umleitung über die Nordstraße ein, die nach Angaben der Verwaltung bis zum Ende der Sanierung im Mai bleiben soll.</p>
    </article><footer>Impressum · Datenschutz</footer></body></html>`;
  const got = article(extractPage(html, { url: 'https://tagesblatt.example/lokal/bruecke?ref=home' }));
  assert.equal(got.title, 'Brücke gesperrt');
  assert.equal(got.author, 'Anna Weber');
  assert.equal(got.published, '2024-03-05T08:30:00+01:00');
  assert.equal(got.site, 'Tagesblatt');
  assert.equal(got.language, 'de');
  assert.equal(got.description, 'Die Brücke bleibt bis Mai zu.');
  assert.equal(got.canonicalUrl, 'https://tagesblatt.example/lokal/bruecke');
  assert.match(got.text, /^Die alte Brücke.*\n\nDie Stadt richtet/s);
  assert.doesNotMatch(got.text, /Impressum|Start|Brücke gesperrt\n/);
});

test('extract: a page of links is not an article, and says why', () => {
  const links = Array.from({ length: 40 }, (_, i) => `<li><a href="/story/${i}">Headline number ${i} about something that happened today</a></li>`).join('');
  const result = extractPage(`<html><body><h1>News</h1><ul>${links}</ul></body></html>`);
  assert.ok(isNoArticle(result));
  assert.match(result.error, /no article/);
});

test('extract: a page nested 100,000 elements deep is read without overflowing the stack', () => {
  const prose = [1, 2, 3].map((n) => `<p>${`Paragraph ${n} of the article goes on for a while, with commas, and more words. `.repeat(4)}</p>`).join('');
  const html = `<html><body><div>${prose}</div>${'<div>'.repeat(100_000)}deep${'</div>'.repeat(100_000)}</body></html>`;
  const got = article(extractPage(html));
  assert.match(got.text, /^Paragraph 1 of the article/);
});

test('extract: an enormous page (13 MB, 100,000 paragraphs) is extracted whole, and HTML cut off mid-tag keeps what came before the cut', () => {
  const paragraph = (k: number): string => `<p>Paragraph ${k}: the council voted on budget line ${k * 7} after a long debate about ${k % 13} schools, said member ${k % 101}.</p>`;
  const paragraphs = (n: number): string => Array.from({ length: n }, (_, k) => paragraph(k)).join('\n');
  const huge = article(extractPage(`<html><head><title>Budget</title></head><body><article>${paragraphs(100_000)}</article></body></html>`));
  assert.equal(huge.text.split('\n\n').length, 100_000);
  assert.match(huge.text, /^Paragraph 0: .*\n\n[^]*Paragraph 99999: the council/);
  const cut = article(extractPage(`<html><head><title>Cut</title></head><body><div class="content"><h1>Cut</h1>${paragraphs(5)}<p>The mayor said <a href="/x">more</a`));
  assert.match(cut.text, /^Paragraph 0: [^]*Paragraph 4: [^]*\n\nThe mayor said more$/);
});

test('charsets: a declared UTF-8 that the bytes are not gives way to the next declaration, then to detection', () => {
  const gbk = page('gbk-page.html.gz');
  const declared = decodePage(gbk);
  assert.equal(declared.charset, 'gbk');
  assert.match(article(extractPage(declared.text)).text, /话剧《约定无期限》全省各市巡演活动来到张家口/);
  const undeclared = decodePage(Buffer.from(gbk.toString('latin1').replace(/charset=/gi, 'x='), 'latin1'));
  assert.equal(undeclared.by, 'detected');
  assert.match(undeclared.text, /话剧《约定无期限》/);
  // reduced from readability-test-pages/qq: saved again as UTF-8, still declaring gb2312
  const resaved = decodePage(Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>人工智能迈上新台阶</p></body></html>', 'utf8'));
  assert.deepEqual([resaved.charset, resaved.by], ['utf-8', 'utf-8']);
  assert.match(resaved.text, /人工智能迈上新台阶/);
  const latin1 = decodePage(page('latin1-page.html.gz'));
  assert.equal(latin1.charset, 'windows-1252');
  assert.match(article(extractPage(latin1.text)).text, /bekanntermaßen exzellent/);
});

test('charsets: UTF-8 with a few stray bytes of another charset is read as UTF-8; a legacy charset is detected where its text is, past kilobytes of ASCII script', () => {
  // reduced from der-erfolg-gibt-recht.de (trafilatura-eval): a UTF-8 page whose image's alt text is Latin-1 ("K\xfcchenblogs")
  const text = '<p>So schön winterlich ist es wie schon lange nicht mehr. 3 große Zwiebeln, 2 Äpfel, 4 EL Olivenöl.</p>';
  const stray = Buffer.concat([Buffer.from('<html><body><img alt="K'), Buffer.from([0xfc]), Buffer.from(`chenblogs">${text.repeat(3)}</body></html>`)]);
  const mostly = decodePage(stray);
  assert.equal(mostly.charset, 'utf-8');
  assert.match(mostly.text, /große Zwiebeln, 2 Äpfel/);
  // a Latin-1 page is still Latin-1, and a windows-1251 page after 20 KB of script is detected as such
  const german = Buffer.from(`<html><body>${text.repeat(5)}</body></html>`, 'latin1');
  assert.equal(decodePage(german).charset, 'windows-1252');
  assert.match(decodePage(german).text, /große Zwiebeln, 2 Äpfel/);
  const russian = 'Президент России подписал закон о бюджете на следующий год, сообщили в пресс-службе Кремля. ';
  const script = `<script>var config = ${JSON.stringify('x'.repeat(20_000))};</script>`;
  const cp1251 = Buffer.concat([Buffer.from(`<html><head>${script}</head><body><p>`), new Uint8Array(encode1251(russian.repeat(8))), Buffer.from('</p></body></html>')]);
  const detected = decodePage(cp1251);
  assert.deepEqual([detected.charset, detected.by], ['windows-1251', 'detected']);
  assert.match(detected.text, /Президент России подписал закон/);
});

/** Cyrillic text in windows-1251 bytes (А–я are 0xC0–0xFF, Ё 0xA8, ё 0xB8). */
function encode1251(s: string): number[] {
  return [...s].map((c) => {
    const code = c.charCodeAt(0);
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (c === 'Ё') return 0xa8;
    if (c === 'ё') return 0xb8;
    return code;
  });
}

test('charsets: a page decoded in pieces is the same text, with characters split between pieces kept whole, and extracts the same', () => {
  for (const [name, charset] of [['gbk-page.html.gz', 'gbk'], [aebPages[0]!.file, 'utf-8'], ['latin1-page.html.gz', 'windows-1252']] as const) {
    const bytes = page(name);
    assert.ok(bytes.length > 20_000, `${name} spans several pieces`);
    const decoded = decodePage(bytes);
    assert.equal(decoded.charset, charset);
    const parts = decoded.parts;
    assert.ok(parts.length >= 2, name);
    const reference = new TextDecoder(charset);
    const whole = reference.decode(bytes, { stream: true }) + reference.decode();
    assert.equal(parts.join(''), whole, name);
    assert.equal(parts.join('').includes('\ufffd'), whole.includes('\ufffd'), `${name}: no character broken at a piece boundary`);
    assert.deepEqual(extractPage(parts, { url: 'https://example.org/a' }), extractPage(whole, { url: 'https://example.org/a' }), name);
    assert.equal(decodePage(bytes).text, whole);
  }
  // a three-byte character across the first boundary between pieces (16 KiB)
  const straddle = Buffer.from(`<p>${'a'.repeat(16_380)}话剧</p>`, 'utf8');
  assert.deepEqual([...straddle.subarray(16_383, 16_386)], [...Buffer.from('话', 'utf8')]);
  assert.equal(decodePage(straddle).parts.join(''), `<p>${'a'.repeat(16_380)}话剧</p>`);
});

test('parse: the tree is htmlparser2\'s own (character references decoded after the tokenizer, attribute names in any case, the first of two kept), also across the pieces of a page', () => {
  const tricky =
    '<html><head><title>Fish &amp; Chips &mdash; &#8220;Q&#x201D;</title><script type="application/ld+json">{"url":"https://x.org/?a=1&amp;b=2"}</script>' +
    '<style>a[title="&amp;"]{}</style></head><body><p class="a&amp;b" data-x="&not=1" title=\'&lt;&#39;&gt;\'>AT&amp;T &copy 2024 &notit; &unknown; &#0; &#x110000;</p>' +
    '<div ID="up" id="dup" Title="T" constructor="c"><img SRC="x.png" src="y.png" alt></div><textarea>&amp;</textarea><p>x < y &amp;&amp; y > z</p><!-- &amp; --><a href="?q=1&amp;r=2&lang=de">more &raquo;</a></body></html>';
  const serialise = (doc: Document | Element): unknown =>
    doc.children.map((n) => (n.type === 'text' || n.type === 'comment' ? [n.type, (n as unknown as { data: string }).data] : 'attribs' in n ? [n.name, { ...n.attribs }, serialise(n)] : n.type));
  const reference = serialise(parseDocument(tricky));
  assert.deepEqual(serialise(parseHtml(tricky)), reference);
  // every split of the page into two pieces, references and tags cut anywhere
  for (let cut = 1; cut < tricky.length; cut++) assert.deepEqual(serialise(parseHtml([tricky.slice(0, cut), tricky.slice(cut)])), reference, `cut at ${cut}`);
  // attributes named like Object.prototype's properties are attributes like any other
  const odd = parseHtml('<p __proto__="p" constructor="c" toString="t">x</p>').children[0] as Element;
  assert.deepEqual(Object.entries(odd.attribs), [['__proto__', 'p'], ['constructor', 'c'], ['tostring', 't']]);
  // and real pages, decoded in pieces
  for (const p of aebPages.slice(0, 3)) {
    const bytes = page(p.file);
    assert.deepEqual(serialise(parseHtml(decodePage(bytes).parts)), serialise(parseDocument(decodePage(bytes).text)), p.file);
  }
});

test('charsets: the byte-order mark, then the HTTP header, come before <meta charset>', () => {
  const html = '<html><head><meta charset="windows-1251"></head><body><p>é</p></body></html>';
  const utf8 = Buffer.from(html, 'utf8');
  // the header decides even against a declaration and bytes that would do as UTF-8
  assert.equal(decodePage(utf8, 'text/html; charset=windows-1251').charset, 'windows-1251');
  assert.equal(decodePage(utf8, 'text/html; charset=UTF-8').text, html);
  assert.equal(decodePage(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), 'text/html; charset=iso-8859-2').text, html);
  // windows-1251 bytes of Cyrillic letters: А is 0xC0
  const cyrillic = Buffer.concat([Buffer.from('<meta charset="windows-1251"><p>'), Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), Buffer.from('</p>')]);
  assert.match(decodePage(cyrillic).text, /Привет/);
  // windows-1252 is not ISO-8859-1: 0x80 is "€", 0x85 "…", 0x93 and 0x94 curly quotes
  const cp1252 = Buffer.concat([Buffer.from('<meta charset="windows-1252"><p>'), Buffer.from([0x80, 0x20, 0x85, 0x20, 0x93, 0x61, 0x94]), Buffer.from('</p>')]);
  assert.match(decodePage(cp1252).text, /€ … “a”/);
  assert.match(decodePage(cp1252).parts.join(''), /€ … “a”/);
});

test('cli: extract prints each page as JSON Lines with its source, and names a bad file with the reason', () => {
  const dir = tempDir();
  copyFileSync(new URL(aebPages[0]!.file, FIXTURES), join(dir, 'page.html.gz'));
  writeFileSync(join(dir, 'binary.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  writeFileSync(join(dir, 'home.html'), `<html><body>${'<a href="/x">a link to a story</a> '.repeat(50)}</body></html>`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'extract', '--json', dir], { encoding: 'utf8' });
  assert.equal(run.status, 1, run.stderr);
  const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(lines.length, 2);
  const home = lines.find((l) => String(l['source']).endsWith('home.html'));
  assert.match(String(home?.['error']), /no article/);
  const found = lines.find((l) => String(l['source']).endsWith('page.html.gz'));
  assert.ok(found);
  for (const field of ['url', 'canonicalUrl', 'title', 'author', 'published', 'site', 'language', 'description', 'text']) assert.ok(field in found, field);
  assert.equal(found['canonicalUrl'], aebPages[0]!.url);
  assert.ok(shingleF1(aebPages[0]!.articleBody, String(found['text'])) > 0.85);
  assert.match(run.stderr, /binary\.html: not HTML: binary data/);
  assert.match(run.stderr, /extracted 1 articles; 1 pages without an article, 1 failed/);
  const text = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'extract', join(dir, 'page.html.gz')], { encoding: 'utf8' });
  assert.match(text, /^== .*page\.html\.gz\nurl: file:/);
});

test('dates: written dates in many languages and orders are read; impossible ones are not', () => {
  const iso = (text: string, language: string | null = null): string[] => datesInText(text, language, 2030).map((d) => d.iso);
  assert.deepEqual(iso('Posted on July 30th, 2019 by admin'), ['2019-07-30']);
  assert.deepEqual(iso('Veröffentlicht am 30. Juli 2019, 14:00 Uhr'), ['2019-07-30']);
  assert.deepEqual(iso('publié le 3 août 2018'), ['2018-08-03']);
  assert.deepEqual(iso('Madrid, 30 de julio de 2019'), ['2019-07-30']);
  assert.deepEqual(iso('30 июля 2019 г.'), ['2019-07-30']);
  assert.deepEqual(iso('2019年7月30日 10時'), ['2019-07-30']);
  assert.deepEqual(iso('Stand: 30.07.2019 | 12.8.19'), ['2019-07-30', '2019-08-12']);
  assert.deepEqual(iso('3/4/2019', 'en-US'), ['2019-03-04']);
  assert.deepEqual(iso('3/4/2019', 'en-GB'), ['2019-04-03']);
  assert.deepEqual(iso('3/24/2019', 'de'), ['2019-03-24'], 'a day above 12 settles the order');
  assert.deepEqual(iso('31.02.2019, 1.1.1970, 12 March 2031, 12 marzipan 2019, 3.4.20191'), []);
  // [text, the page's language, the dates read]
  const more: Array<[string, string | null, string[]]> = [
    // more languages: Romanian, Czech, Finnish, Greek, Serbian Cyrillic, Indonesian, Hebrew; Hungarian and Lithuanian put the year first, Latvian says "gada"
    ['duminică, 20 septembrie 2020', 'ro', ['2020-09-20']],
    ['20. září 2020 | 1. února 2021', 'cs', ['2020-09-20', '2021-02-01']],
    ['20. syyskuuta 2020', 'fi', ['2020-09-20']],
    ['20 Σεπτεμβρίου 2020', 'el', ['2020-09-20']],
    ['20. септембар 2020.', 'sr', ['2020-09-20']],
    ['Posted on Maret 30, 2015 by Admin', 'id', ['2015-03-30']],
    ['פורסם ב-17 באוגוסט 2020', 'he', ['2020-08-17']],
    ['2020. szeptember 20. 14:02', 'hu', ['2020-09-20']],
    ['Paskelbta 2020 m. rugsėjo 20 d. 14:02', 'lt', ['2020-09-20']],
    ['Publicēts: 2020. gada 20. septembrī', 'lv', ['2020-09-20']],
    // "listopad" is November in Polish and Czech, October in Croatian
    ['15 listopada 2020', 'pl', ['2020-11-15']],
    ['15. listopada 2020. | 3. studeni 2020.', 'hr', ['2020-10-15', '2020-11-03']],
    // Arabic month names (Egyptian and Levantine, or both: "نيسان / أبريل"), Arabic-Indic digits
    ['تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً', 'ar', ['2020-04-24']],
    ['الأحد، 23 أغسطس 2020 09:14 ص', 'ar', ['2020-08-23']],
    ['١٥ تشرين الأول ٢٠٢٣', 'ar', ['2023-10-15']],
    // the Solar Hijri calendar (Iran, Afghanistan), as the Gregorian day: in Persian digits, typed with Arabic letters (aryanews.com), in Dari
    ['۲ تیر ۱۳۹۹ - ۱۲:۰۹', 'fa', ['2020-06-22']],
    ['2 تير 1399 - 12:09:08 ب.ظ', 'fa', ['2020-06-22']],
    ['۱ فروردین ۱۴۰۲', 'fa', ['2023-03-21']],
    ['۱۵ اسد ۱۴۰۰', 'fa-AF', ['2021-08-06']],
    // Esfand has a 30th only in a leap year
    ['۳۰ اسفند ۱۳۹۹، ۳۰ اسفند ۱۴۰۱', 'fa', ['2021-03-20']],
  ];
  for (const [text, language, dates] of more) assert.deepEqual(iso(text, language), dates, text);
  // the first date, read only as far as needed, is the first of all the dates: impossible dates, dates of other patterns before and after it, two at one place
  const texts = [
    'Stand: 30.07.2019 | 12.8.19',
    '31.02.2019 then July 30th, 2019 and 2019-08-01',
    'Zuletzt 1.1.1970, dann am 3. August 2018 und am 04.08.2018',
    'On 2019年7月30日 and 30 July 2019 and 12 March 2031',
    `${'Words without dates. '.repeat(400)}Madrid, 30 de julio de 2019; 3/4/2019`,
    '3/4/2019 and 4 March 2019',
    'no date at all',
    'Sept. 3, 2019 (3.9.2019)',
    // a date of a later pattern running into one found earlier: the later patterns read past the first date found
    'am 30 July 2019-08-01',
    'خبرگزاری ۲ تیر ۱۳۹۹ و 23 أغسطس 2020',
    'Vogel des Jahres 2021 Jan 04 09:34 2021, 2020. szeptember 20.',
  ];
  for (const text of texts) {
    for (const language of [null, 'en-US', 'de']) {
      assert.deepEqual(firstDateInText(text, language, 2030), datesInText(text, language, 2030)[0] ?? null, `${text.slice(-60)} (${language})`);
    }
  }
});

test('dates: a date in the url wins over a declared date of another day; on the same day the declared time is kept; bylines and the text come after', () => {
  const page = (head: string, body: string): string => `<html><head>${head}</head><body>${body}<article>${[1, 2, 3, 4].map((n) => `<p>Paragraph ${n} of the article, long enough to be one, with several words in it.</p>`).join('')}</article></body></html>`;
  const modified = '<meta property="article:published_time" content="2019-06-17T18:28:00+02:00">';
  assert.equal(article(extractPage(page(modified, ''), { url: 'https://www.befifty.de/home/2017/7/12/unter-uns-montauk' })).published, '2017-07-12');
  assert.equal(article(extractPage(page(modified, ''), { url: 'https://site.example/2019/06/17/story' })).published, '2019-06-17T18:28:00+02:00');
  assert.equal(article(extractPage(page('', ''), { url: 'https://site.example/2019/12/30/story' })).published, '2019-12-30', 'not 2019-01-02');
  // reduced from weisser-ring.de and homify.de (htmldate-eval): a day-first date in the url; a declared time written wrong
  assert.equal(article(extractPage(page('', ''), { url: 'https://weisser-ring.example/meldungen/29-10-2021' })).published, '2021-10-29');
  assert.equal(article(extractPage(page('<meta property="article:published_time" content="2022-01-10T22:06:08:684Z">', ''))).published, '2022-01-10');
  assert.equal(article(extractPage(page('', '<div class="entry-meta">Posted on March 4, 2018 by Jane</div>'))).published, '2018-03-04');
  const dateline = article(extractPage(page('', '<p>Hamburg, 12. Juli 2017 – </p>')));
  assert.deepEqual([dateline.published, dateline.publishedFrom], ['2017-07-12', 'text'], 'a date found in the text says so');
  const byline = article(extractPage(page('', '<div class="entry-meta">Posted on March 4, 2018 by Jane</div>')));
  assert.equal(byline.publishedFrom, 'byline');
  const home = extractPage('<html><head><title>Home</title></head><body><p>Short.</p></body></html>', { url: 'https://blog.example/2013/06/14/post/' });
  assert.ok(isNoArticle(home));
  assert.equal(home.published, '2013-06-14', 'a page without an article still gives its date');
});

test('extract: an article shown only to readers without scripts (Blogger puts posts in <noscript>), and a short article on a page that declares itself one', () => {
  // reduced from security.googleblog.com (trafilatura-eval)
  const post = ['Over the past few years we have seen threats on the web becoming increasingly sophisticated, and more.', 'Phishing sites rotate domains very quickly to avoid being blocked, and malware campaigns target at-risk users.'];
  const blogger = `<html><body><div class="post-body"><script type="text/template"><p>${post[0]}</p></script><noscript>${post.map((p) => `<p>${p}</p>`).join('')}</noscript></div></body></html>`;
  assert.equal(article(extractPage(blogger)).text, post.join('\n\n'));
  // reduced from caymancompass.com (trafilatura-eval): a paywalled article of one paragraph
  const brief = 'A senior prison official has said in a sworn affidavit that anyone with sufficient determination could escape.';
  const page = (head: string): string => `<html><head>${head}</head><body><nav><a href="/">Home</a></nav><div class="entry"><p>${brief}</p></div></body></html>`;
  assert.ok(isNoArticle(extractPage(page(''))), 'short text on a page that says nothing of itself is no article');
  assert.equal(article(extractPage(page('<meta property="og:type" content="article">'))).text, brief);
  assert.equal(article(extractPage(page('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Escape"}</script>'))).text, brief);
});

test("titles: a blog's name over every post is not its headline; only parts naming the site are cut from the declared title; a kicker in the heading is left out", () => {
  const body = [1, 2, 3].map((n) => `<p>Paragraph ${n} of the post, long enough to be one, with several words in it and more.</p>`).join('');
  // reduced from gnaur.wordpress.com (trafilatura-eval)
  const blog = `<html><head><title>Die Möglichkeit nichts zu tun | Gnaur</title></head><body><div id="header"><h1><a href="https://gnaur.wordpress.com/">Gnaur</a></h1></div>
    <div class="post"><h2 class="posttitle"><a href="/2013/06/14/x/">Die Möglichkeit nichts zu tun</a></h2>${body}</div></body></html>`;
  assert.equal(article(extractPage(blog, { url: 'https://gnaur.wordpress.com/2013/06/14/x/' })).title, 'Die Möglichkeit nichts zu tun');
  // reduced from regards.fr and rueda.wikidot.com: a colon or dash inside a headline stays
  const titled = (title: string, url: string): string | null =>
    article(extractPage(`<html><head><title>${title}</title></head><body><article>${body}</article></body></html>`, { url })).title;
  assert.equal(titled('Deux ans et demi en Macronie : une condamnation | Regards.fr', 'https://www.regards.fr/x'), 'Deux ans et demi en Macronie : une condamnation');
  assert.equal(titled('Enchufla Figuren - Salsa-Figuren', 'https://rueda.wikidot.com/enchufla'), 'Enchufla Figuren - Salsa-Figuren');
  assert.equal(titled('Rueda: Enchufla Figuren', 'https://rueda.wikidot.com/enchufla'), 'Enchufla Figuren');
  // the site's name, holding a dash itself, in a heading linking home: cut whole from the title's end
  const wiki = `<html><head><title>Enchufla Figuren - Salsa-Figuren - Rueda in Berlin</title></head><body><h1><a href="/">Salsa-Figuren - Rueda in Berlin</a></h1><article>${body}</article></body></html>`;
  assert.equal(article(extractPage(wiki, { url: 'https://rueda.wikidot.com/enchufla' })).title, 'Enchufla Figuren');
  // reduced from befifty.de: a date before the headline in the <h1>
  const kicker = `<html><head><meta property="og:title" content="Das vielleicht schönste Ende der Welt: Montauk"></head><body><article><h1>Jun 17 Das vielleicht schönste Ende der Welt: Montauk</h1>${body}</article></body></html>`;
  assert.equal(article(extractPage(kicker)).title, 'Das vielleicht schönste Ende der Welt: Montauk');
  // reduced from fr.de: the visible headline, worded a little differently from the declared title, is the headline
  const reworded = `<html><head><meta property="og:title" content="Nordkorea: Kim Jong Un - Der Diktator ist zurück, Donald Trump ist „glücklich“"></head><body><article><h1>Kim Jong Un: Der Diktator ist zurück - Donald Trump ist „glücklich“</h1>${body}</article></body></html>`;
  assert.equal(article(extractPage(reworded)).title, 'Kim Jong Un: Der Diktator ist zurück - Donald Trump ist „glücklich“');
  // reduced from mozilla-1 (readability-test-pages), whose logo is a second <h1>
  const firefox = 'Firefox — Customize and make it your own — The most flexible browser on the Web';
  const section = `<html><head><title>${firefox}</title></head><body><h1 class="logo"><a href="/">Mozilla</a></h1><h1>Make your Firefox your own</h1><article>${body}</article></body></html>`;
  assert.equal(article(extractPage(section)).title, firefox, 'a heading sharing few words is not taken over the declared title');
  // reduced from a Brexit report on trafilatura-eval: a page's only <h1> is its headline when it tells the same story as the declared title
  const only = (h1: string): string | null =>
    article(extractPage(`<html><head><meta property="og:title" content="Der Nervenkrieg um den Brexit geht in die nächste Runde"></head><body><h1>${h1}</h1><article>${body}</article></body></html>`)).title;
  assert.equal(only('Brexit: Nervenkrieg geht in nächste Runde'), 'Brexit: Nervenkrieg geht in nächste Runde');
  assert.equal(only('Politik'), 'Der Nervenkrieg um den Brexit geht in die nächste Runde', 'a one-word section heading is not the headline');
  assert.equal(only('Wetter in Berlin heute'), 'Der Nervenkrieg um den Brexit geht in die nächste Runde', 'a heading about something else is not the headline');
  // reduced from echte-demokratie-jetzt.de: the post's heading opens the article, under the blog's name and a banner; the declared title is "blog"
  const post = `<html><head><title>blog | Echte Demokratie Jetzt! Occupy</title></head><body>
    <h1 id="site-title"><span><a href="http://www.echte-demokratie-jetzt.de/" rel="home">Echte Demokratie Jetzt! Occupy</a></span></h1>
    <h1>yes we camp echte demokratie jetzt spanishrevolution <a href="/t-shirt/">yeswecamp t-shirt</a></h1>
    <div class="post"><h2 class="entry-title"><a href="/2014/01/liebe-menschen-europas/" rel="bookmark">Liebe Menschen Europas</a></h2><div class="entry-content">${body}</div></div></body></html>`;
  assert.equal(article(extractPage(post, { url: 'http://www.echte-demokratie-jetzt.de/blog/' })).title, 'Liebe Menschen Europas');
  // reduced from readability-test-pages 003-metadata-preferred and 004-metadata-space-separated-properties: Dublin Core's title first; RDFa's several properties in one attribute
  const dc = `<html><head><title>Title Element</title><meta property="og:title" content="Open Graph title"><meta property="dc:title" content="Dublin Core title"></head><body><article>${body}</article></body></html>`;
  assert.equal(article(extractPage(dc)).title, 'Dublin Core title');
  const rdfa = `<html><head><title>Title Element</title><meta property="x:title og:title" content="Preferred title"></head><body><article>${body}</article></body></html>`;
  assert.equal(article(extractPage(rdfa)).title, 'Preferred title');
});

test('extract: an article body split into chunks marked alike (between ads) is read whole, without what lies between', () => {
  // reduced from a wired.com page (aeb)
  const para = (n: number): string => `<p>Paragraph ${n} of the story goes on about neo-banks, challenger banks and money, with more words.</p>`;
  const chunk = (from: number, to: number): string => `<div class="grid"><div class="body article__body">${Array.from({ length: to - from }, (_, k) => para(from + k)).join('')}</div><div class="ad-rail">Advertisement</div></div>`;
  const html = `<html><body><article class="article main-content"><h1>The Future of Banking</h1><div class="article__chunks">${chunk(1, 4)}<div class="promo">More Great Stories: one, two and three</div>${chunk(4, 9)}</div></article></body></html>`;
  const text = article(extractPage(html)).text;
  assert.deepEqual(text.split('\n\n').map((p) => Number(/Paragraph (\d+)/.exec(p)?.[1])), [1, 2, 3, 4, 5, 6, 7, 8]);
});

test('extract: datelines, names from the page code and shortcodes are left out, sentences with dates kept; a "latest stories" heading ends the article', () => {
  // reduced from a cbssports.com page and jaraguadosul.com.br (aeb), and novalanalove.com, bahamaslocal.com and a German blog (trafilatura-eval);
  // a post's line of metadata (its date with its category or tags) too
  const para = (n: number): string => `<p>Paragraph ${n}: on Nov. 14, 2019 the defence was asked about the fight, and said more than expected.</p>`;
  const html = `<html><body><article><h1>Browns</h1><div class="meta">Nov 18, 2019 at 9:24 pm ET • 2 min read</div>
    ${[1, 2].map(para).join('')}<p>narrow-browser-and-phone</p><p>[button link="/submit" type="big"] Send us YOUR review[/button]</p><p>This slideshow requires JavaScript.</p><p>TRENDING:</p><p>Updated at 1:23 p.m.</p>${para(3)}<p>Updated: 18.11.2019, 17:26</p><p>Freitag | 14. Juni 2019 | 15:49 VON Sina Giebel IN Fashion | 0 COMMENTS</p><p>Erstellt von Fabian am Dienstag 6. Mai 2014</p><p>05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde - Tags: sad arrombamento veiculo</p><p>News date : 04/21/2022 Category : Press Releases</p><p>© 2019 Capitol Hill Publishing Corp.</p>
    <h3>Our Latest Stories</h3><p>SportsLine's computer model simulated every Week 12 NFL game 10,000 times with surprising results.</p>
    <p>The Cowboys owner actually might have had a chance to hire Belichick before he went to New England.</p></article></body></html>`;
  const text = article(extractPage(html)).text;
  assert.deepEqual(text.split('\n\n').map((p) => p.slice(0, 11)), ['Paragraph 1', 'Paragraph 2', 'Paragraph 3']);
});

test('extract: headings of related articles, rating widgets and author boxes end the article; embed placeholders and comment buttons are furniture', () => {
  // reduced from elfaro.net, guatemala.com, ndr.de and other German pages (trafilatura-eval)
  const para = (n: number): string => `<p>Párrafo ${n}: la Asamblea Legislativa discutió durante toda la semana la reforma, y los diputados votaron.</p>`;
  const headings = ['Contenido Relacionado', 'Temas relacionados', 'NOTAS RELACIONADAS', 'Das könnte Sie auch interessieren', 'Lesen Sie auch', 'Zum Weiterlesen', 'Wie bewerten Sie diesen Artikel?', 'Über den Autor', 'Pour lire la suite'];
  for (const heading of headings) {
    const html = `<html><body><article><h1>La Asamblea</h1>${[1, 2, 3].map(para).join('')}<h3>${heading}</h3><p>Otra noticia de la semana que no es parte de este artículo, con muchas palabras.</p></article></body></html>`;
    const text = article(extractPage(html)).text;
    assert.deepEqual(text.split('\n\n').map((p) => p.slice(0, 9)), ['Párrafo 1', 'Párrafo 2', 'Párrafo 3'], heading);
  }
  // an embed's placeholder, a comment button, a permalink, an ad's label (morebikes.co.uk's "Advert"): page furniture between paragraphs
  const html = `<html><body><article>${para(1)}<p>Externer Inhalt</p>${para(2)}<p>Kommentieren</p><p>Permalink</p><p>Advert</p>${para(3)}</article></body></html>`;
  assert.deepEqual(article(extractPage(html)).text.split('\n\n').map((p) => p.slice(0, 9)), ['Párrafo 1', 'Párrafo 2', 'Párrafo 3']);
});

test('extract: a table row is one line with its cells a space apart; lines an article repeats (a recipe plan) are kept', () => {
  // reduced from autoracing.com.br and beachbody.com pages (aeb)
  const rows = [['1', 'Kyle Busch', '5040'], ['2', 'Martin Truex Jr.', '5035'], ['3', 'Kevin Harvick', '5033']];
  const table = `<table><tr><th>Pos.</th><th>Piloto</th><th>Pontos</th></tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;
  const plan = ['Monday', 'Tuesday'].map((day) => `<h3>${day}</h3><p>Eat 60–90 minutes before your workout</p><p>Portion Fix Containers: 1 Green, 1 Red</p>`).join('');
  const intro = '<p>Here is the final classification of the season after thirty-six races, with the points of every driver in the series.</p>';
  const text = article(extractPage(`<html><body><div class="entry-content">${intro}${table}${plan}</div></body></html>`)).text;
  assert.match(text, /\n\nPos\. Piloto Pontos\n\n1 Kyle Busch 5040\n\n2 Martin Truex Jr\. 5035\n\n3 Kevin Harvick 5033\n\n/);
  assert.equal(text.split('Eat 60–90 minutes before your workout').length - 1, 2);
});

test("extract: a recipe's ingredients, in a box of their own beside the method, are part of it", () => {
  // reduced from chefkoch.de and oetker.de pages (trafilatura-eval)
  const ingredients = '<div class="ds-box recipe-ingredients"><h2>Zutaten</h2><table class="ingredients"><tr><td>200 g</td><td>Margarine oder Butter</td></tr><tr><td>4</td><td>Mandarine(n), je ca. 175 g</td></tr></table></div>';
  const method = '<div class="ds-box recipe-method"><h2>Zubereitung</h2><p>Für den Mürbeteig die Butter mit Zucker, Ei und Mehl zu einem glatten Teig verkneten und kalt stellen, etwa eine Stunde lang.</p><p>Den Schmand mit dem Pudding verrühren, die Mandarinen unterheben, alles auf den Boden geben und etwa 70 Minuten backen.</p></div>';
  const comments = `<div class="comments">${Array.from({ length: 10 }, (_, k) => `<p>Lecker, Kommentar ${k}!</p>`).join('')}</div>`;
  const page = (box: string): string => `<html><body><main><h1>Mandarinen-Schmand-Kuchen</h1>${box}${method}${comments}</main></body></html>`;
  const text = article(extractPage(page(ingredients))).text;
  assert.match(text, /Margarine oder Butter[\s\S]*Mandarine\(n\), je ca\. 175 g[\s\S]*Für den Mürbeteig/);
  assert.doesNotMatch(text, /Lecker/);
  // an ingredient's name linking to its own page, beside the method or in it
  const linked = '<div class="ds-box recipe-ingredients"><table class="ingredients"><tr><td>200 g</td><td>Margarine oder Butter, weich</td></tr><tr><td>2 Dose/n</td><td><a href="/zutat/mandarine">Mandarine(n)</a>, je ca. 300 g</td></tr><tr><td>1 Pck.</td><td><a href="/produkt/vanillin">Dr. Oetker Vanillin-Zucker</a></td></tr></table></div>';
  for (const box of [linked, linked.replace('<div class="ds-box recipe-ingredients">', '<div class="ds-box recipe-method"><div class="ingredients">').replace('</table></div>', '</table></div></div>')]) {
    const got = article(extractPage(page(box))).text;
    assert.match(got, /Mandarine\(n\), je ca\. 300 g[\s\S]*Dr\. Oetker Vanillin-Zucker[\s\S]*Für den Mürbeteig/);
  }
  // a box of links named alike (a shop's "ingredients" menu) is not
  const links = '<div class="ingredients-list">' + ['Mehl', 'Zucker', 'Butter', 'Eier'].map((w) => `<a href="/shop/${w}">${w} kaufen</a>`).join(' ') + '</div>';
  assert.doesNotMatch(article(extractPage(page(links))).text, /kaufen/);
});

test('extract: a headline and a byline line opening the body (not marked as headings) are metadata, not text', () => {
  // reduced from a Brazilian city hall's news page (aeb)
  const body = '<p>A equipe do Serviço de Atendimento Domiciliar, do bairro Amizade, registrou nesta manhã o arrombamento de dois dos cinco automóveis da unidade.</p><p>Foi feito boletim de ocorrência e a polícia foi até o local para verificar os danos nos veículos, disse a secretaria.</p>';
  const page = (lead: string): string => `<html><head><meta property="og:title" content="Atendimento Domiciliar registra arrombamento em veículos"><meta name="author" content="Clarissa Borba"></head><body><div class="post">${lead}${body}</div></body></html>`;
  const lead = '<div class="titulo">Atendimento Domiciliar registra arrombamento em veículos</div><div>05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde - Tags: sad arrombamento veiculo</div>';
  const text = article(extractPage(page(lead))).text;
  assert.ok(text.startsWith('A equipe do Serviço'), text.slice(0, 120));
  // a sentence that names the author is the article's own
  const said = '<p>Clarissa Borba, who wrote the report, said the cars were found open.</p>';
  assert.ok(article(extractPage(page(said))).text.startsWith('Clarissa Borba, who wrote'));
});

test('dates: the state a page keeps in its scripts, a dated summary, a lone digit starting a slug, and a UTC time on a country site read as its local day', () => {
  const page = (head: string, body = ''): string => `<html><head>${head}</head><body>${body}<article>${[1, 2, 3, 4].map((n) => `<p>Paragraph ${n} of the article, long enough to be one, with several words in it.</p>`).join('')}</article></body></html>`;
  // reduced from trustpilot.com and a Shopify shop (htmldate-eval)
  const state = '<script type="application/json">{"publishedDate":"2016-11-04T20:37:27Z","updatedDate":"2016-11-05T10:00:00Z"}</script>';
  const fromState = article(extractPage(page('', state)));
  assert.deepEqual([fromState.published, fromState.publishedFrom], ['2016-11-04T20:37:27Z', 'script']);
  const created = '<script>window.data = {"title":"x","created_at":"2019-03-02T06:27:24+01:00"};</script><script>{"published_at":"2019-03-01T06:22:28+01:00"}</script>';
  assert.equal(article(extractPage(page('', created))).published, '2019-03-01T06:22:28+01:00', 'a publication key before a creation key');
  // reduced from parcoabruzzo.it: the date only in the summary
  assert.equal(article(extractPage(page('<meta name="description" content="ORSO MARSICANO: 2019 UN ANNO DA RECORD (Notizia del 14 Gennaio 2020)">'))).published, '2020-01-14');
  // reduced from blog.campact.de: "/2023/10/3-fragen-an-…" is no date; the declared one stands
  const declared = '<meta property="article:published_time" content="2023-10-31T08:47:16+01:00">';
  assert.equal(article(extractPage(page(declared), { url: 'https://blog.example/2023/10/3-fragen-an-tina/' })).published, '2023-10-31T08:47:16+01:00');
  // reduced from nachrichten.at: 22:04 UTC is 00:04 the next day in Austria
  const utc = '<meta property="article:published_time" content="2019-10-18T22:04:00Z">';
  assert.equal(article(extractPage(page(utc), { url: 'https://www.nachrichten.at/gesundheit/story' })).published, '2019-10-19T00:04:00+02:00');
  assert.equal(article(extractPage(page(utc), { url: 'https://news.example.com/story' })).published, '2019-10-18T22:04:00Z', 'no country, no zone');
  // reduced from ici.radio-canada.ca (htmldate-eval): a country of several zones, the zone of its largest newsrooms; 00:23 UTC is the evening before in Ottawa
  const early = '<meta property="article:published_time" content="2020-08-25T00:23:33Z">';
  assert.equal(article(extractPage(page(early), { url: 'https://ici.radio-canada.ca/nouvelle/1728875/transport-scolaire' })).published, '2020-08-24T20:23:33-04:00');
});

test("titles: a web archive's copy is read with the archived site's address; a name that is only part of the host is no site's name; a title that is only the site's name, or the <h1> and the page's sections after it, gives way to the <h1>", () => {
  const body = [1, 2, 3].map((n) => `<p>Paragraph ${n} of the page, long enough to be one, with several words in it and more.</p>`).join('');
  // reduced from time4talks.com, saved by the Wayback Machine (trafilatura-eval): the blog's name heads the page and starts its title
  const blog = `<html><head><title>Time 4 talks » Blog Archiv » Weitere Digitalisierung der Schweizer Kinos</title></head><body><h1>Time 4 talks</h1><article>${body}</article></body></html>`;
  const archived = 'https://web.archive.org/web/20140226054445/http://www.time4talks.com/2013/08/07/kinos/';
  assert.equal(article(extractPage(blog, { url: archived })).title, 'Weitere Digitalisierung der Schweizer Kinos');
  assert.equal(hostOf(archived), 'www.time4talks.com');
  assert.equal(hostOf('https://web.archive.org/web/20160401095740id_/welpenkaufen24.de/'), 'welpenkaufen24.de');
  assert.equal(hostOf('https://example.org/web/1/x'), 'example.org');
  // reduced from welpenkaufen24.de: "Welpen kaufen" is part of the host's name, "Welpenkaufen24" is the site's name
  const puppies = `<html><head><title>Welpen kaufen – Tipps zu jeder Hunderasse | Welpenkaufen24</title></head><body><article>${body}</article></body></html>`;
  assert.equal(article(extractPage(puppies, { url: 'http://www.welpenkaufen24.de/' })).title, 'Welpen kaufen – Tipps zu jeder Hunderasse');
  // reduced from anwaltniemeyer.de and shop.nmb-media.de: the title declared is the site's name (by its host, by og:site_name); the page's one <h1> is its title
  const home = `<html><head><title>Anwalt Niemeyer</title></head><body><h1>Willkommen!</h1><article>${body}</article></body></html>`;
  assert.equal(article(extractPage(home, { url: 'https://anwaltniemeyer.de/index.html' })).title, 'Willkommen!');
  const shop = `<html><head><title>NMB-MEDIA eBay-Templates</title><meta property="og:site_name" content="NMB-MEDIA eBay-Templates"></head><body><h1>Datenschutztechnische Anpassung der eBay-Verkaufsvorlagen</h1><article>${body}</article></body></html>`;
  assert.equal(article(extractPage(shop, { url: 'https://shop.example.de/x' })).title, 'Datenschutztechnische Anpassung der eBay-Verkaufsvorlagen');
  // reduced from stol.it (archived): the page's <h1> opens a declared title that goes on with the page's sections and the site's name
  const sections = `<html><head><title>Verfassungsgericht: Berlusconis Sex-Prozess geht weiter / Politik / Politik im Überblick / Artikel / Home - stol.it - Suedtirol Online mit Nachrichten, Bildern und Videos</title></head><body><h1>Verfassungsgericht: Berlusconis Sex-Prozess geht weiter</h1><article>${body}</article></body></html>`;
  assert.equal(article(extractPage(sections)).title, 'Verfassungsgericht: Berlusconis Sex-Prozess geht weiter');
  // … and not where the title says something of its own
  assert.equal(article(extractPage(home.replace('Anwalt Niemeyer', 'Kanzlei für Mietrecht'), { url: 'https://anwaltniemeyer.de/index.html' })).title, 'Kanzlei für Mietrecht');
});

test('titles: the kicker or subtitle inside a headline (a "Dachzeile", a roofline, a <small> subtitle) is not part of it', () => {
  const body = [1, 2, 3].map((n) => `<p>Paragraph ${n} of the story, long enough to be one, with several words in it and more.</p>`).join('');
  const page = (head: string, h1: string): string => `<html><head>${head}</head><body><article><h1>${h1}</h1>${body}</article></body></html>`;
  // reduced from tagesschau.de, selbst.de and tofugu.com (trafilatura-eval)
  const declared = '<meta property="og:title" content="Interne Unterlagen im Netz: Daten von Rheinmetall gehackt">';
  assert.equal(article(extractPage(page(declared, '<span class="dachzeile">Interne Unterlagen im Netz</span> <span class="headline">Daten von Rheinmetall gehackt</span>'))).title, 'Daten von Rheinmetall gehackt');
  assert.equal(article(extractPage(page('<title>Wurmkiste selber bauen</title>', '<span class="article-header__roofline">Wurmkiste</span> Wurmkiste selber bauen'))).title, 'Wurmkiste selber bauen');
  const subtitled = page('<title>Dezuka Suisan: Deep-Fried Fish Cakes, Hot and Fresh</title>', '<span>Dezuka Suisan: Deep-Fried Fish Cakes, Hot <span>and</span> Fresh</span> <small><span>Welcome to the Flavor Capital of Northern Japan</span></small>');
  assert.equal(article(extractPage(subtitled)).title, 'Dezuka Suisan: Deep-Fried Fish Cakes, Hot and Fresh');
  // reduced from zeit.de: the separator after the kicker (hidden from sight) goes with it
  const zeit = '<span class="article-heading__kicker">Klimaschutz</span><span class="visually-hidden">: </span><span class="article-heading__title">Bohren, bis es heiß wird</span>';
  assert.equal(article(extractPage(page('<meta property="og:title" content="Klimaschutz: Bohren, bis es heiß wird">', zeit))).title, 'Bohren, bis es heiß wird');
  // reduced from tagesanzeiger.ch, tegernseerstimme.de and oekologisch-bauen.info: kickers called a title's header, a sub-heading, an "h1small"
  const tagi = '<span class="ContentHead_titleheader__MSrlO">Coronavirus und andere Zoonosen</span><span aria-hidden="true"> – </span><span class="ContentHead_text__NId_w">Wie Umweltzerstörung neue Epidemien begünstigt</span>';
  assert.equal(article(extractPage(page('<meta property="og:title" content="Coronavirus und andere Zoonosen – Wie Umweltzerstörung neue Epidemien begünstigt">', tagi))).title, 'Wie Umweltzerstörung neue Epidemien begünstigt');
  assert.equal(article(extractPage(page('<title>Klimavorreiter Oberland?</title>', "<span class='sub-heading'>Energiewende Oberland:</span></br> Klimavorreiter Oberland?"))).title, 'Klimavorreiter Oberland?');
  assert.equal(article(extractPage(page('', '<span class="h1small">Initiative EnergieEffizienz</span> Kostenloser Stromcheck für private Haushalte'))).title, 'Kostenloser Stromcheck für private Haushalte');
  // reduced from be.ch: a long kicker before the declared title in the <h1> (a press office's name): the declared title
  assert.equal(article(extractPage(page('<title>Impfen und Boostern ist bis Ende Februar noch überall möglich</title>', 'Medienmitteilung der Gesundheits-, Sozial- und Integrationsdirektion :Impfen und Boostern ist bis Ende Februar noch überall möglich'))).title, 'Impfen und Boostern ist bis Ende Februar noch überall möglich');
  // … a section's name at the end of a headline is not
  assert.equal(article(extractPage(page('<title>Politik</title>', 'Der Bundesrat entscheidet über die neue Politik'))).title, 'Der Bundesrat entscheidet über die neue Politik');
  // reduced from battery-news.de and backenmachtgluecklich.de: an <h1> that goes on past the declared title in words of its own is the headline as shown;
  // one that adds the site's name after a separator, or a control's label (noz.de's "CC-Editor öffnen" button), is not
  const shown = (title: string, h1: string, url = 'https://example.de/x'): string | null => article(extractPage(page(`<title>${title}</title>`, h1), { url })).title;
  assert.equal(shown('Ultium Cells erhöht Gigafactory-Kapazität - Battery-News.de', 'Ultium Cells erhöht Gigafactory-Kapazität in Tennessee', 'https://battery-news.de/x'), 'Ultium Cells erhöht Gigafactory-Kapazität in Tennessee');
  assert.equal(shown('Saftiger Zitronenkuchen vom Blech | Backen macht glücklich', 'Saftiger Zitronenkuchen vom Blech: einfach köstlich!', 'https://www.backenmachtgluecklich.de/x'), 'Saftiger Zitronenkuchen vom Blech: einfach köstlich!');
  assert.equal(shown('EU-Taxonomie: Atomkraft und Erdgas sind nicht nachhaltig', 'EU-Taxonomie: Atomkraft und Erdgas sind nicht nachhaltig | Umweltbundesamt'), 'EU-Taxonomie: Atomkraft und Erdgas sind nicht nachhaltig');
  assert.equal(shown('Kindergottesdienst in Velpe macht Spaß', '<span>Kindergottesdienst in Velpe macht Spaß <a class="btn flat-button" href="#">CC-Editor öffnen</a></span>'), 'Kindergottesdienst in Velpe macht Spaß');
  // … also where the declared title shares few words with the headline and the line opening the article holds the kicker
  assert.equal(article(extractPage(page('<title>Initiative EnergieEffizienz - kostenloser Stromcheck | Ökologisch Bauen</title>', '<span class="h1small">Initiative EnergieEffizienz</span> Kostenloser Stromcheck für private Haushalte'))).title, 'Kostenloser Stromcheck für private Haushalte');
  // reduced from mix1.de: a line break or a block inside the headline parts its words
  const heading = (h1: string): string | undefined => declaredOf(parseHtml(`<html><body><h1>${h1}</h1></body></html>`)).headings[0]?.text;
  assert.equal(heading('Leslie Clio<br />  <span style="font-style:italic">Brave New Woman</span>'), 'Leslie Clio Brave New Woman');
  assert.equal(heading('<div>Truckwash A31</div><div>Das etwas andere Branchenbuch</div>'), 'Truckwash A31 Das etwas andere Branchenbuch');
  // reduced from fincompare.de: the page's only <h1> words the declared title's story with other forms of its words
  assert.equal(article(extractPage(page('<title>Firmenwagen: Leasen oder Finanzieren? Was lohnt sich?</title>', 'Firmenwagen: Leasing oder Finanzierung?'))).title, 'Firmenwagen: Leasing oder Finanzierung?');
  // reduced from pronats.de: the site's name after the headline, with its legal form, is cut
  assert.equal(article(extractPage(page('<title>Kinder und Arbeit » ProNATs e.V.</title>', 'x'), { url: 'https://pronats.de/arbeit/' })).title, 'Kinder und Arbeit');
  // reduced from nhk.or.jp: a bare "|" after the site's name
  assert.equal(article(extractPage(page('<meta property="og:site_name" content="NEWS WEB EASY"><meta property="og:title" content="NEWS WEB EASY|子どもへの体罰を禁止する法律ができる">', 'x'))).title, '子どもへの体罰を禁止する法律ができる');
  // reduced from fouryears.eu and ukbdnews.com: a blog's default part is cut; a title comes in one Unicode form (NFC)
  assert.equal(article(extractPage(page('<title>Blog Archive » Interning of Small Integers in Python</title>', 'Something else entirely here'))).title, 'Interning of Small Integers in Python');
  const bengali = article(extractPage(page('<title>বাড\u09DCির সামনেই</title>', 'x'))).title;
  assert.equal(bengali, 'বাড\u09A1\u09BCির সামনেই');
});

test('extract (reduced from breakingbelizenews.com): an ad in look-alike Cyrillic letters and a copyright notice are not the article', () => {
  const body = fourParagraphs('the report on the outbreak');
  const ad = '<p>Yоur соntеnt іѕ dеlіvеrеd іnѕtаntlу tо thоuѕаndѕ оf uѕеrѕ іn Bеlіzе аnd аbrоаd!</p>';
  const notice = '<p>This article is the copyrighted property of Breaking Belize News. Written permission must be obtained before reprint in online or print media. REPRINTING CONTENT WITHOUT PERMISSION AND/OR PAYMENT IS THEFT AND PUNISHABLE BY LAW.</p>';
  const got = article(extractPage(`<html><body><article>${body}${ad}${notice}</article></body></html>`));
  assert.match(got.text, /Paragraph 4 of the report/);
  assert.doesNotMatch(got.text, /dеlіvеrеd|copyrighted property/);
  // a line in Russian, or one Latin brand name in it, is text
  const russian = '<p>Министр заявил, что решение о Google Play будет принято на следующей неделе после консультаций.</p>';
  assert.match(article(extractPage(`<html><body><article>${body}${russian}</article></body></html>`)).text, /Google Play/);
});

test('extract (reduced from trafilatura-eval pages): lines crediting a picture are not the article', () => {
  const body = fourParagraphs('the report on the season');
  const credits = ['Foto: Ingo Pertramer', 'Crédits photos : Bestimage', 'AFP / MARCO BERTORELLO', 'Augusta National/Getty Images', 'Titelbild: Stadt Wien', 'Photograph by Jane Doe'];
  const got = article(extractPage(`<html><body><article>${credits.map((c, k) => `<p>${c}</p>${k === 2 ? body : ''}`).join('')}<p>Fotografie ist ihre große Leidenschaft, sagt sie.</p></article></body></html>`));
  for (const c of credits) assert.ok(!got.text.includes(c), c);
  assert.match(got.text, /Paragraph 4[^]*Fotografie ist ihre große Leidenschaft/);
});

test('extract (reduced from trafilatura-eval pages): labels of page furniture are dropped, and more headings of other articles, contacts and blurbs end the article', () => {
  const body = [1, 2, 3, 4].map((n) => `<p>Absatz ${n} des Berichts über die Saison, lang genug, um einer zu sein, mit einigen Wörtern darin.</p>`).join('');
  const page = (tail: string): string => article(extractPage(`<html><body><article><p>Inhaltsverzeichnis</p>${body}${tail}</article></body></html>`)).text;
  const labels = page('<p>Schlagworte:</p><p>Markiert mit</p><p>Themen:</p>');
  assert.doesNotMatch(labels, /Inhaltsverzeichnis|Schlagworte|Markiert mit|Themen/);
  // a link's label in the middle of the article
  const links = article(extractPage(`<html><body><article>${body.replace('</p>', '</p><p>Weitere Informationen</p>')}</article></body></html>`)).text;
  assert.doesNotMatch(links, /Weitere Informationen/);
  assert.match(links, /Absatz 1[^]*Absatz 4/);
  for (const heading of ['Empfohlene Beiträge', 'Weiterführende Informationen', 'Weiterführender Link', 'Das Thema könnte dich auch interessieren:', 'Vorschau auf den nächsten Artikel', 'Mehr Kolumnen auf MeinMMO']) {
    const text = page(`<h3>${heading}</h3><p>Ein anderer Artikel über etwas ganz anderes, mit einem Anriss von zwei Zeilen.</p>`);
    assert.match(text, /Absatz 4/);
    assert.doesNotMatch(text, /anderer Artikel/, heading);
  }
  // the same headings in more languages
  for (const heading of ['Weitere Meldungen', 'Weitere Tourentipps', 'Ähnliche Rezepte', 'Ti potrebbe interessare', 'Gerelateerde artikelen', 'Mohlo by vás zajímat', 'Te puede interesar', 'Sur le même sujet', 'Você pode gostar...', 'More on this story', 'Benzer haberler', 'Kapcsolódó cikkek']) {
    const text = page(`<h3>${heading}</h3><p>Ein anderer Artikel über etwas ganz anderes, mit einem Anriss von zwei Zeilen.</p>`);
    assert.match(text, /Absatz 4/);
    assert.doesNotMatch(text, /anderer Artikel/, heading);
  }
  // (reduced from regards.fr) a "read also" with its link, in lines of their own between the story's paragraphs: the story goes on
  const readAlso = page('<p><strong>LIRE AUSSI SUR REGARDS.FR</strong></p><p><a href="/b">&gt;&gt; Affaire Benalla : le scandale d’Etat qui fait chanceler la Macronie</a></p><p>Alexandre Benalla n’est pas seulement un barbouze. Il intervient comme bon lui semble, en marge des manifestations.</p><p>Pour la première fois du quinquennat, Emmanuel Macron est pris de court. Sa communication s’avère catastrophique, et ses proches accusent la presse.</p><p>L’Assemblée et le Sénat tenteront de jouer leur rôle de contre-pouvoir face à un super-Président, sans y parvenir tout à fait.</p><p>Alexandre Benalla a été mis en examen le 22 juillet pour violences volontaires et port public et sans droit d’insignes.</p>');
  assert.match(readAlso, /Absatz 4[^]*barbouze[^]*sans droit d’insignes/);
  assert.doesNotMatch(readAlso, /LIRE AUSSI|Affaire Benalla :/);
  // (reduced from msn.com) the same in English: "More on coronavirus:"
  const moreOn = page('<p><strong>More on coronavirus:</strong></p><p><a href="/c">What you need to know about the new rule of six (Sky News)</a></p><p>Prof Gavin Yamey, director of the Centre for Policy Impact in Global Health, said the halls were too full to be safe for students.</p><p>He said that unless new preventative measures were taken, outbreaks on campus would spread to the towns around the universities.</p><p>Universities said they had spent the summer preparing their halls, kitchens and lecture theatres for the return of students.</p><p>The government said it was working with universities to keep students and staff safe during the term, and that testing would be expanded.</p>');
  assert.match(moreOn, /Absatz 4[^]*Prof Gavin Yamey[^]*testing would be expanded/);
  // an inline "read also" (Leggi anche, Lees ook, Läs också …) is set between a story's paragraphs: it ends nothing
  const inline = page('<p>Leggi anche</p><h1>I Cavalieri dello Zodiaco diventeranno un film</h1><p>Tornando al remake, il titolo provvisorio è Knights of the Zodiac e la prima stagione avrà dodici episodi.</p>');
  assert.match(inline, /Tornando al remake/);
  // a press release's contacts, a series' blurb (mpimet.mpg.de, kas.de): not the article
  for (const heading of ['Kontakt:', 'Pressekontakt', 'Ansprechpartnerin', 'Media contact', 'Über diese Reihe', 'Weitere Informationen:']) {
    const text = page(`<p>${heading}</p><p>Dr. Hendryk Bockelmann, Deutsches Klimarechenzentrum, Telefon 040 123 456</p>`);
    assert.match(text, /Absatz 4/);
    assert.doesNotMatch(text, /Bockelmann/, heading);
  }
  // "Themen der Woche …" opening a sentence is text; so is a sentence about a contact
  assert.match(page('<p>Themen der Woche waren das Wetter und der Verkehr.</p>'), /Themen der Woche/);
  assert.match(page('<p>Kontakt zu den Behörden hatte er keinen.</p><p>Ein letzter Absatz mit einigen Wörtern.</p>'), /Kontakt zu den Behörden[^]*letzter Absatz/);
});

test('extract (reduced from trafilatura-eval pages): prompts of the site machinery (log in to comment, reload the CAPTCHA) are not the article', () => {
  const body = fourParagraphs('the report on the season');
  const prompts = ['Sie müssen sich einloggen, um sich an einer Diskussion beteiligen zu können.', 'Du musst Eingeloggt sein um Kommentare zu schreiben! oder noch gar nicht Registriert?', 'Um den Tipp "Tomaten richtig schneiden" kommentieren zu können, müssen Sie eingeloggt sein.', 'Please reload CAPTCHA.', 'Time limit is exhausted. Please reload CAPTCHA.', 'You must be logged in to post a comment.', 'Dieses Skript als PDF herunterladen', 'Download this article as a PDF', 'Instant access to the full article PDF.'];
  const got = article(extractPage(`<html><body><article>${body}${prompts.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`));
  for (const p of prompts) assert.ok(!got.text.includes(p), p);
  assert.match(got.text, /Paragraph 4/);
});

test('extract (reduced from die-partei.net, sauvonsluniversite.fr and foren.myoos.de): a web or mail address written out as its own link is the article\'s text; a link to another page is not', () => {
  const addresses = ['http://www.openpetition.de/petition/online/gegen-die-tarifreform-2013', 'suivi.reformes.blanquer@gmail.com', 'www.sortimo.ch'];
  const lines = addresses.map((a) => `<p><a href="${a.includes('@') ? `mailto:${a}` : a}">${a}</a></p>`).join('');
  const got = article(extractPage(`<html><body><article>${fourParagraphs('the petition')}${lines}<p><a href="/next">Nächster Artikel: Die GEMA und die Clubs</a></p></article></body></html>`)).text;
  for (const a of addresses) assert.ok(got.includes(a), a);
  assert.doesNotMatch(got, /Nächster Artikel/);
});

test('extract (reduced from thehill.com): a card that pops up over a name (its picture and other stories) is not the text; the name is', () => {
  const card = (name: string): string =>
    `<span class="rollover-people"><a class="rollover-people-link" href="/people/x">${name}</a><span class="rollover-people-block"><span class="rollover-block"><a class="name" href="/people/x">${name}</a><a class="people-articles" href="/a">Progressives oppose spending stopgap measure over surveillance authority extension</a> <a class="people-articles" href="/b">Another story about the same member of Congress and her week</a></span></span></span>`;
  const html = `<html><body><article><p>A New York man pleaded guilty to charges he threatened to kill Rep. ${card('Ilhan Omar')} (D-Minn.), the U.S. Attorney’s Office announced Monday.</p>${fourParagraphs('the case against the man')}</article></body></html>`;
  const got = article(extractPage(html)).text;
  assert.match(got, /threatened to kill Rep\. Ilhan Omar \(D-Minn\.\), the U\.S\. Attorney’s Office announced Monday\./);
  assert.doesNotMatch(got, /Progressives oppose|Another story/);
});

test('extract (reduced from chip.de): a section that has ads set in it ("__Section--Ads", a BEM modifier) is the text; an ads box is not', () => {
  const verdict = 'Der Beef Maker kommt auf eine Temperatur von 800 Grad und zaubert im Test das perfekte Steak, innen medium und saftig, außen knusprig und mit reichlich Röstaroma. Die Verarbeitung ist solide, die Ausstattung inklusive Pizzastein sehr üppig, und selbst Grill-Anfänger können bei der Bedienung nicht viel falsch machen.';
  const section = (cls: string, text: string): string => `<section class="${cls}"><h2>Fazit</h2><div><p class="TestReport__TextBlock">${text}</p></div></section>`;
  const html = `<html><body><main><section class="TestReport__Section">${fourParagraphs('the grill on test')}${fourParagraphs('the steaks it grilled')}</section>${section('TestReport__Section TestReport__Section--Ads', verdict)}${section('ads', 'Jetzt kaufen: der Grill zum halben Preis im Angebot der Woche, nur solange der Vorrat reicht, bei unseren Partnern.')}</main></body></html>`;
  const got = article(extractPage(html)).text;
  assert.match(got, /zaubert im Test das perfekte Steak/);
  assert.doesNotMatch(got, /Jetzt kaufen/);
});

test("extract (reduced from tagesspiegel.de, netzpolitik.org, politifact.com): the lead under the headline in the article's <header> is its first paragraph; the header's kicker, byline and date, and the next story's header, are not", () => {
  const lead = 'Damit Mitarbeiter gesund bleiben, müssen sich Unternehmen einiges einfallen lassen. Die Ideen reichen weit.';
  const header = `<header class="article-header"><span class="kicker">Coronavirus</span><h1>Wie Firmen ihre Beschäftigten schützen</h1><p class="excerpt">${lead}</p><p class="meta">Von Kevin P. Hoffmann</p><p>Published 21 November 2019 · Tagged with Wirtschaft</p></header>`;
  const next = '<header><h1>Die nächste Geschichte</h1><p>Der Vorspann der nächsten Geschichte, die unter dieser steht und nicht zu ihr gehört.</p></header>';
  const body = fourParagraphs('the measures firms take');
  // the header beside the article's container, and inside it
  // (reduced from latercera.com: the headline's text in a <div> of its own inside the <h1>)
  const divided = header.replace('<h1>Wie Firmen ihre Beschäftigten schützen</h1>', '<h1><div>Wie Firmen ihre Beschäftigten schützen</div></h1>');
  for (const html of [`<main>${header}<div class="article-body">${body}</div></main>`, `<article>${header}${body}${next}</article>`, `<main>${divided}<div class="article-body">${body}</div></main>`]) {
    const got = article(extractPage(`<html><body><header class="site"><h1>Der Tagesspiegel</h1><nav><a href="/">Start</a></nav></header>${html}</body></html>`)).text;
    assert.ok(got.startsWith(lead), got.slice(0, 120));
    assert.match(got, /Paragraph 4/);
    assert.doesNotMatch(got, /Coronavirus|Kevin P\. Hoffmann|Published 21 November|nächsten Geschichte|Der Tagesspiegel/);
  }
  // a lead of its own that opens with a word bylines open with is the lead
  const vonDer = 'Von der Leyen hat am Dienstag in Brüssel einen Plan vorgelegt, der die Lieferketten der Unternehmen in Europa sicherer machen soll.';
  const own = article(extractPage(`<html><body><main>${header.replace(lead, vonDer)}<div class="article-body">${body}</div></main></body></html>`)).text;
  assert.ok(own.startsWith(vonDer), own.slice(0, 120));
  // markup that never closes a <header> around the whole page still gives the article
  const unclosed = article(extractPage(`<html><body><header id="branding"><h1>Site</h1><div id="content"><article>${body}</article></div></body></html>`)).text;
  assert.match(unclosed, /Paragraph 1[^]*Paragraph 4/);
});

test('extract (reduced from theintercept.com): a box of most-read articles set between paragraphs is skipped and the article goes on; one at the end still ends it', () => {
  const para = (n: number): string => `<p>Paragraph ${n} of the investigation into the hospitals, long enough to be one, with several words in it.</p>`;
  const box = '<div class="most-read"><h2 class="most-read__header">Most Read</h2><div class="most-read__item"><a href="/a">Hamas and Israel</a><div class="most-read__title">A teaser of another story that runs on for a while here.</div></div></div>';
  const inside = article(extractPage(`<html><body><article class="post">${[1, 2, 3].map(para).join('')}${box}${[4, 5, 6, 7, 8].map(para).join('')}</article></body></html>`)).text;
  assert.match(inside, /Paragraph 3[^]*Paragraph 8/);
  assert.doesNotMatch(inside, /Most Read|teaser of another story/);
  // (reduced from ingenieur.de) the heading's text right in the box, in a page that nests a whole document in the article
  const teaser = '<div id="evergreen-teaser" class="evergreen-teaser"><span class="evergreen-teaser__heading">Lesen Sie auch:</span><div class="evergreen-teaser__content">Kernkraft</div><h3 class="evergreen-teaser__headline">So wird der Fusionsreaktor noch besser</h3></div>';
  const nested = article(extractPage(`<html><body><article class="post"><div class="single__content"><html><body>${[1, 2, 3].map(para).join('')}${teaser}${[4, 5, 6, 7, 8].map(para).join('')}</body></html></div></article></body></html>`)).text;
  assert.match(nested, /Paragraph 3[^]*Paragraph 8/);
  assert.doesNotMatch(nested, /Lesen Sie auch|Fusionsreaktor/);
  // (reduced from deutschlandfunk.de) a box in a side column, near the article's start, with most of the article in the main column after it
  const side = '<div class="articleside"><div class="dlf-articlebox"><div class="text"><h6>Mehr zum Thema</h6><p><a href="/a">Bedingungsloses Grundeinkommen</a> Geld vom Staat für alle?</p></div></div></div>';
  const columns = article(extractPage(`<html><body><article class="dlf-articledetail">${para(1)}${para(2)}${side}<div class="articlemain"><div class="text">${[3, 4, 5, 6, 7, 8, 9].map(para).join('')}</div></div></article></body></html>`)).text;
  assert.match(columns, /Paragraph 1[^]*Paragraph 9/);
  assert.doesNotMatch(columns, /Mehr zum Thema|Grundeinkommen/);
  const atEnd = article(extractPage(`<html><body><article class="post">${[1, 2, 3, 4].map(para).join('')}${box}</article></body></html>`)).text;
  assert.match(atEnd, /Paragraph 4/);
  assert.doesNotMatch(atEnd, /Most Read|teaser of another story/);
});

test('extract (reduced from hoy.com.py): a minified page that leaves out its optional <body> tag still has its article', () => {
  const html = `<!DOCTYPE html><html lang=es><head><meta charset="UTF-8"><title>Darán bendición a vehículos</title></head><header><a href="/">Inicio</a></header><article>${[1, 2, 3, 4].map((n) => `<p>Párrafo ${n} de la noticia sobre la bendición de vehículos, con bastantes palabras para contar.</p>`).join('')}</article></html>`;
  const got = article(extractPage(html));
  assert.match(got.text, /^Párrafo 1[^]*Párrafo 4/);
  assert.equal(got.language, 'es');
});

test('extract (reduced from scmp.com): a page showing a teaser that declares its whole body in JSON-LD gives the body it declares', () => {
  const body = Array.from({ length: 12 }, (_, n) => `Paragraph ${n + 1} of the column on the election, long enough to be one, with several words in it and a clause.`).join('\n');
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Tsai’s win', articleBody: body });
  const page = (json: string): string =>
    `<html><head><script type="application/ld+json">${json}</script></head><body><article><p>While both Tsai and Lam faced a challenging year, the Taiwanese leader shrewdly capitalised on the crisis in Hong Kong to claim a massive win.</p><p><a href="/full">READ FULL ARTICLE</a></p></article></body></html>`;
  const got = article(extractPage(page(ld))).text;
  assert.equal(got.split('\n\n').length, 12);
  assert.match(got, /^Paragraph 1 [^]*Paragraph 12 /);
  // a declared body no longer than the text shown does not replace it
  const short = JSON.stringify({ '@type': 'NewsArticle', articleBody: 'A summary of the column, in a line.' });
  assert.match(article(extractPage(page(short))).text, /shrewdly capitalised/);
});

test('extract (reduced from trafilatura-eval pages): disclosures and disclaimers under an article are not its text; a sentence about advertising is', () => {
  const body = fourParagraphs('the review of the browser');
  const lines = ['*Werbung. Dieser Beitrag enthält Werbung für MYMARINI.', 'This post contains references to products from one or more of our advertisers.', 'GIS NOW Grenada is not responsible for the opinions, statements or media content presented by contributors.', 'Alle Angaben ohne Gewähr.', '(Alle Angaben ohne Gewähr)'];
  const got = article(extractPage(`<html><body><article><p>Werbung nervt. Tracking nervt. Nerven nervt. Und doch bezahlt sie einen großen Teil des freien Netzes.</p>${body}${lines.map((l) => `<p>${l}</p>`).join('')}</article></body></html>`)).text;
  for (const l of lines) assert.ok(!got.includes(l), l);
  assert.match(got, /^Werbung nervt[^]*Paragraph 4/);
});

test("extract (reduced from aeb, htmldate-eval and trafilatura-eval pages): the site's calls to action stay in the text, where forensics finds them (a copier's added line is evidence)", () => {
  const calls = [
    'WANT MORE RECIPES? Subscribe to our newsletter and follow us on Facebook, Pinterest and Instagram for all of the latest updates.',
    'Email Tariq Malik at tmalik@space.com or follow him @tariqjmalik. Follow us on Twitter @Spacedotcom and on Facebook.',
    '¿Ya sabías que en Guatemala.com tenemos canal de Telegram? Únete desde tu celular en este enlace de invitación.',
    'Siguenos en Telegram, Instagram, Facebook y Twitter para recibir en directo todas nuestras actualizaciones',
    'Join our Belfast Live breaking news service on WhatsApp',
  ];
  const text = article(extractPage(`<html><body><article>${fourParagraphs('the story')}${calls.map((l) => `<p>${l}</p>`).join('')}</article></body></html>`)).text;
  for (const l of calls) assert.ok(text.includes(l), l);
  const found = textBoilerplate(text).filter((b) => b.kind === 'call-to-action').map((b) => text.slice(b.begin, b.end));
  assert.deepEqual(found, calls);
  // a call in a script beyond ASCII at the start of a word (Cyrillic, an accented capital)
  for (const line of ['Подпишитесь на наш канал в Telegram', 'Únete a nuestro canal']) assert.deepEqual(textBoilerplate(line).map((b) => b.kind), ['call-to-action'], line);
});

test('titles (reduced from bibliothek2null.de, villacc.de and a site logo): the part of a declared title that is a heading on the page is the headline; a heading naming the site is not', () => {
  const body = [1, 2, 3].map((n) => `<p>Paragraph ${n} of the post, long enough to be one, with several words in it and more.</p>`).join('');
  const titled = (title: string, headings: string): string | null =>
    article(extractPage(`<html><head><title>${title}</title></head><body><div class="post">${headings}${body}</div><h3>Letzte Kommentare</h3></body></html>`, { url: 'https://www.example.de/2014/05/18/x/' })).title;
  assert.equal(titled('Alles Neue mach der Mai&#8230; | Bibliothek 2.0 und mehr', '<h2><a href="/2014/05/18/x/">Alles Neue mach der Mai&#8230;</a></h2>'), 'Alles Neue mach der Mai…');
  assert.equal(titled('Villa Galaxy - Ferienvilla in Florida', '<h1>Villa Galaxy</h1><h1>Villa Galaxy</h1>'), 'Villa Galaxy');
  // the site's name in a heading that links to its home page, at the end of the title: not the headline
  assert.equal(titled('Android ransomware spreads via links | Threat Watch', '<h1><a href="/">Threat Watch</a></h1><h2>Latest</h2>'), 'Android ransomware spreads via links');
});

test('titles (reduced from eawag.ch, world.kbs.co.kr, mopo.de and finanztip.de): an <h1> before an <h2>, a specific declared title before <title>, and no section name a title merely contains', () => {
  const body = [1, 2, 3].map((n) => `<p>Paragraph ${n} of the article, long enough to be one, with several words in it and more.</p>`).join('');
  const titled = (head: string, headings: string): string | null =>
    article(extractPage(`<html><head>${head}</head><body>${headings}<article>${body}</article></body></html>`, { url: 'https://www.example.org/news/x/' })).title;
  const og = (t: string): string => `<meta property="og:title" content="${t}">`;
  // the section's <h1> is the whole <title>; the article's <h1> is its Open Graph title
  assert.equal(titled(`<title>News - Eawag</title>${og('Auf das erste Elektron kommt es an')}`, '<h1>News</h1><h1>Auf das erste Elektron kommt es an</h1>'), 'Auf das erste Elektron kommt es an');
  assert.equal(
    titled(`<title>Colder Temperatures Forecast for Wed. l KBS WORLD</title>${og('Colder Temperatures Forecast for Wed.')}`, '<h1>KBS WORLD</h1><h1>Colder Temperatures Forecast for Wed.</h1>'),
    'Colder Temperatures Forecast for Wed.',
  );
  // a teaser <h2 class="title"> worded as the Open Graph title does not win over the <h1> that is the <title>
  assert.equal(
    titled(`<title>Ex-Nationalspieler in der Oberliga: Jansen kämpft um sein Comeback | MOPO.de</title>${og('Für den HSV in der Oberliga?: Jansen kämpft um Comeback')}`, '<h1>Ex-Nationalspieler in der Oberliga: Jansen kämpft um sein Comeback</h1><h2 class="title">Für den HSV in der Oberliga?: Jansen kämpft um Comeback</h2>'),
    'Ex-Nationalspieler in der Oberliga: Jansen kämpft um sein Comeback',
  );
  // the topic's <h1> is a small part of the <title>: the <h2> that is the Open Graph title is the headline
  assert.equal(
    titled(`<title>Betriebliche Altersvorsorge (bAV) - Wann lohnt die Betriebsrente? - Finanztip</title>${og('Mit Hilfe des Chefs für die Rente sparen')}`, '<h1>Betriebliche Altersvorsorge</h1><h2 class="headline">Mit Hilfe des Chefs für die Rente sparen</h2>'),
    'Mit Hilfe des Chefs für die Rente sparen',
  );
});

test('extract (reduced from www3.nhk.or.jp/news/easy): ruby readings over a word are left out without breaking the word', () => {
  const sentence = (n: number): string =>
    `<p><ruby>子<rt>こ</rt></ruby>どもへの<ruby>虐待<rt>ぎゃくたい</rt></ruby>をなくすための<ruby>法律<rt>ほうりつ</rt></ruby>ができて、<ruby>親<rp>(</rp><rt>おや</rt><rp>)</rp></ruby>が<ruby>子<rt>こ</rt></ruby>どもを<ruby>教育<rt>きょういく</rt></ruby>するために、体罰を禁止することになりました。その${n}。</p>`;
  const got = article(extractPage(`<html><body><article>${[1, 2, 3, 4, 5, 6].map(sentence).join('')}</article></body></html>`, { minChars: 100 })).text;
  assert.match(got, /^子どもへの虐待をなくすための法律ができて、親が子どもを教育するために、/);
  assert.ok(!/[ぁ-ん] |ぎゃくたい|おや/.test(got.split('\n\n')[0]!.slice(0, 30)), got.slice(0, 80));
});

test('extract (reduced from munich2022.com): a <header> that holds most of the prose is a text block under the wrong tag; a page header is not text, and of an article header only its standfirst is', () => {
  const paragraphs = [
    'Die besten Athletinnen und Athleten Europas haben bei den Hallenmeisterschaften gezeigt, dass sie fit für München 2022 sind.',
    'Mit einer Weltjahresbestleistung von 6,02 m gewann der Schwede den Stabhochsprung, und er sagte, dass ich viel Selbstvertrauen habe, sei kein Geheimnis.',
    'Was macht mehr Sinn, als einen zweiten europäischen Titel in demselben Land zu gewinnen, fragte die Sprinterin nach ihrem Lauf.',
  ];
  const page = `<html><body><header class="site"><nav><a href="/">Start</a></nav><p>Das Portal der European Championships Munich 2022, mit allen Sportarten und Terminen.</p></header>
    <main><section><article class="ImageText_Container"><header class="ImageText_Description"><div class="Richtext_Block">${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div></header></article></section>
    <div class="consent">Um Deine persönlichen Daten zu schützen, haben wir das automatische Laden der Inhalte von twitter.com blockiert.</div></main></body></html>`;
  const got = article(extractPage(page)).text;
  for (const p of paragraphs) assert.ok(got.includes(p), p);
  assert.ok(!got.includes('Das Portal der European Championships'), 'the page header stays out');
  const standfirst = 'Ein kurzer Vorspann, der sagt, worum es in diesem Artikel geht, und mehr nicht.';
  const news = article(extractPage(`<html><body><article><header><h1>Schlagzeile</h1><p>${standfirst}</p></header>${fourParagraphs('the report')}</article></body></html>`)).text;
  assert.ok(news.startsWith(standfirst), "an article header's standfirst opens the text");
  assert.ok(!news.includes('Schlagzeile'), 'its headline does not');
});

test('extract (reduced from trafilatura-eval and aeb pages): a caption that ends with its picture credit or opens with a figure label, and the line blog software puts under a post, are not the text; a sentence that mentions a copyright is', () => {
  const captions = [
    'Marco Odermatt, Ski-Star aus der Schweiz. © AFP / MARCO BERTORELLO',
    'Lee Elder sprach Tiger Woods vor der Finalrunde des Masters 1997 Mut zu. | © Augusta National/Getty Images',
    'Jewels after Jewels after Jewels, installation views, photos © Inexhibit, 2018',
    'Roman Prymula, photo: Archives du Gouvernement tchèque',
    'Abbildung 4: klassische Schwachschicht. Der Unterschied in der Kornform ist klar ersichtlich.',
    'Figure 2: Changing Font Size of All Text Elements.',
    // the line blog software and a shop plugin put under a post
    'Erstellt am Dienstag 6. Mai 2014 um 23:30 und abgelegt unter debianforum, Linux, Tutorials. Kommentare zu diesen Eintrag im RSS 2.0 Feed.',
    'This entry was posted in Uncategorized and tagged linux. Bookmark the permalink.',
    'Letzte Aktualisierung am 2.02.2022 / Bei den Verlinkungen handelt es sich um Affiliate Links / Bilder von der Amazon Product Advertising API',
  ];
  const kept = 'Neu im Sortiment ab sofort (Bestellung gilt auch für das Wake News © Feiertags-Angebot):';
  const got = article(extractPage(`<html><body><article>${fourParagraphs('the games')}${captions.map((c) => `<div>${c}</div>`).join('')}<p>${kept}</p></article></body></html>`)).text;
  for (const c of captions) assert.ok(!got.includes(c), c);
  assert.ok(got.includes(kept));
});

test('dom: the short text of an element is its text collapsed, or null past the limit, however much white space the page puts in it', () => {
  const root = parseHtml(`<div class="meta"><span>Posted on</span>${'\n\t\t\t\t'.repeat(500)}<time>March 4, 2018</time> by <a>Jane</a></div>`).children[0]!;
  assert.equal(shortText(root, 200), 'Posted on March 4, 2018 by Jane');
  assert.equal(shortText(root, 20), null);
  const wrapper = parseHtml(`<div class="info">${'<p>A paragraph of the article itself, long enough.</p>\n   '.repeat(2000)}</div>`).children[0]!;
  assert.equal(shortText(wrapper, 200), null);
  assert.equal(shortText(parseHtml('<div>a<script>var x = 1;</script>b</div>').children[0]!, 10, new Set(['script'])), 'ab');
});

test('extract (reduced from weinkenner.de and bmel.de pages, trafilatura-eval): soft hyphens are no part of the text or the title', () => {
  const para = (n: number): string => `<p>Schon im Mit&shy;tel&shy;al&shy;ter war der St. Mag&shy;da&shy;le&shy;ner das Aus&shy;hän&shy;ge&shy;schild der Wein&shy;wirt&shy;schaft, Absatz ${n}.</p>`;
  const got = article(extractPage(`<html><head><title>Welt&shy;ernährungs&shy;programm</title></head><body><article><h1>Deutsch&shy;land und das Welt&shy;ernährungs&shy;programm</h1>${[1, 2, 3, 4].map(para).join('')}</article></body></html>`));
  assert.match(got.text, /Schon im Mittelalter war der St\. Magdalener das Aushängeschild der Weinwirtschaft, Absatz 1\./);
  assert.ok(!got.text.includes('\u00ad'));
  assert.equal(got.title, 'Deutschland und das Welternährungsprogramm');
});

test('extract (reduced from mpimet.mpg.de, wind-energie.de and chemietechnik.de pages, trafilatura-eval): a lead set apart just above the article is its first paragraph', () => {
  const body = [1, 2, 3, 4].map((n) => `<p>Absatz ${n} des Berichts über das Klimamodell, lang genug, um einer zu sein, mit einigen Wörtern darin.</p>`).join('');
  const lead = '<p>Die frühen 1970er Jahre werden oft mit der Entstehung der modernen Umweltbewegung in Verbindung gebracht.</p>';
  const page = (before: string, after = ''): string =>
    article(extractPage(`<html><body><div class="article">${before}<div class="news-text-wrap">${body}</div>${after}</div><aside><p>Ein anderer Bericht im Seitenrand, lang genug, um einer zu sein, mit Wörtern.</p></aside></body></html>`)).text;
  for (const cls of ['teaser-text', 'lead', 'content__intro', 'article__summary', 'post-excerpt', 'ce_articleIntro block']) {
    const text = page(`<div class="${cls}"><span>Chronik</span>${lead}</div>`);
    assert.match(text, /^Die frühen 1970er Jahre[^]*Absatz 1[^]*Absatz 4/, cls);
    assert.doesNotMatch(text, /Chronik/, `${cls}: a kicker set in the lead is not its prose`);
  }
  // beside the body's wrapper (dw.com: p.intro, then div.group > div.longText)
  const beside = article(extractPage(`<html><body><div class="col3"><h1>Berlin</h1><p class="intro">${lead.slice(3, -4)}</p><div class="group"><div class="longText">${body}</div><ul class="more">${[1, 2, 3, 4, 5, 6].map((n) => `<li><a href="/a/${n}">Noch ein anderer Bericht aus der Hauptstadt, Nummer ${n}</a></li>`).join('')}</ul></div></div></body></html>`)).text;
  assert.match(beside, /^Die frühen 1970er Jahre[^]*Absatz 4/);
  // three levels above the body (forsal.pl, dziennik.pl: div#lead.lead, then div.detailContentWrapper > div.detailContent > div.articleBody)
  const above = article(extractPage(`<html><body><article class="articleDetail"><div class="whitelistPremium"><div id="lead" class="lead">${lead.slice(3, -4)}</div><div class="detailContentWrapper"><div class="detailContent"><div class="articleBody">${body}</div></div></div></div></article></body></html>`)).text;
  assert.match(above, /^Die frühen 1970er Jahre[^]*Absatz 4/);
  // not a lead: one after the article, or one not marked as such
  assert.doesNotMatch(page('', `<div class="lead">${lead}</div>`), /1970er/);
  assert.doesNotMatch(page(`<div class="promo-box">${lead}</div>`), /1970er/);
});

test('extract (reduced from trafilatura-eval and htmldate-eval pages): a post\'s view counter and a breadcrumb trail shown as a line are not the text; quotations in « » and a live blog\'s times are', () => {
  const para = (n: number): string => `<p>Paragraph ${n} of the report on the award, long enough to be one, with several words in it.</p>`;
  const lines = ['Aufrufe: 1120 | Hinzugefügt von: Posh | Tags: Denken, Bilder | Rating: 0.0/0', 'Views: 184', 'Blog » News » open3 » Publikumsvoting beim Wiener Content Award gestartet', 'Front Page › Transportation › Transit tax trust rejects data'];
  const kept = ['Retour sur les revues de rang « 1 » ou « 1* » où les chercheurs « placent » leurs articles', '4:14 p.m.'];
  const text = article(extractPage(`<html><body><article>${para(1)}${lines.map((l) => `<p>${l}</p>`).join('')}${para(2)}${kept.map((l) => `<p>${l}</p>`).join('')}${para(3)}</article></body></html>`)).text;
  for (const l of lines) assert.ok(!text.includes(l), l);
  for (const l of kept) assert.ok(text.includes(l), l);
});

test('authors (bylines of trafilatura-eval pages): the name a byline gives, without the words before it, the date after it and the labels around it', () => {
  const cases: Array<[string, string | null]> = [
    ['Posted by Günter W. Kienitz at 18:52', 'Günter W. Kienitz'],
    ['von eseppelt · 31. Oktober 2023', 'eseppelt'],
    ['| Autor: gnaddrig', 'gnaddrig'],
    ['29. Juni 2017, 23:39 · von Tobi', 'Tobi'],
    ['Isabella.DiBiase am Samstag, 19. Oktober 2019 um 11:14 Uhr', 'Isabella.DiBiase'],
    ['Beitragvon r23 » 21.01.2009, 05:42', 'r23'],
    ['AuthorAndreas Kalt', 'Andreas Kalt'],
    ['Von Katharina Schmidt Kategorien: Mode 6. November 2023, 15:25 Uhr', 'Katharina Schmidt'],
    ['Sara Zinnecker Stand: 05. Februar 2020', 'Sara Zinnecker'],
    ['erstellt von Dominique — veröffentlicht 28.01.2022 06:00', 'Dominique'],
    ['Von Tomas Spahn Fr, 18. Oktober 2019', 'Tomas Spahn'],
    ['By Nathan Willis March 25, 2015', 'Nathan Willis'],
    ['Text: Kirsten Freund / handwerksblatt.de', 'Kirsten Freund'],
    ['Text und Interview: Harald Willenbrock', 'Harald Willenbrock'],
    ['Carrie ArnoldNovember 15, 2019', 'Carrie Arnold'],
    ['ByAlex Bozarjian', 'Alex Bozarjian'],
    ['Isabel Caro, Rocío Latorre y José Miguel WilsonHace 13 horas Tiempo de lectura: 8 minutos', 'Isabel Caro, Rocío Latorre y José Miguel Wilson'],
    ['Les Membres du Choeur de Radio France', 'Les Membres du Choeur de Radio France'],
    // the blocks of a byline element, on lines of their own: a line ends a name; a line ending with "von" or "Auteur:" goes on with the name
    ['Eingestellt von\nder Michel', 'der Michel'],
    ['Von\nTomas Spahn\nFr, 18. Oktober 2019', 'Tomas Spahn'],
    ['Auteur:\nAnna Kubišta', 'Anna Kubišta'],
    ['Автор:\nОлеся Жуковень', 'Олеся Жуковень'],
    ['Dr.\nNino Jordan', 'Dr. Nino Jordan'],
    ['Pressemitteilung\nvon Katja Kipping', 'Katja Kipping'],
    ['© Kathrin Führes', 'Kathrin Führes'],
    ['Gespeichert von Rasos\nWeitere Artikel', 'Rasos'],
    ['By\nTariq Malik,\nMike Wall\n2019-11-18T22:05:36Z\nSpaceflight', 'Tariq Malik, Mike Wall'],
    ['VonEurosportPubliziert 03/02/2022', 'Eurosport'],
    ['Reuters, Washington, Nov 19', 'Reuters, Washington'],
    ['Publié par Unknown', 'Unknown'],
    // a link's text for readers of the page aloud, and an interview's two people (chefkoch.de, deutschlandfunk.de)
    ['Rezept von\nZum Profil von jesusfreak\njesusfreak', 'jesusfreak'],
    ['Richard David Precht im Gespräch mit Karin Fischer', 'Richard David Precht, Karin Fischer'],
    ['vom Support Team', 'Support Team'],
    ['Posted by Nathan Parker, Varun Khaneja, Eric Mill and Kiran C Nair - Chrome Safe Browsing team', 'Nathan Parker, Varun Khaneja, Eric Mill and Kiran C Nair'],
    // a month is a name where no date follows it; digits may be part of a user's name
    ['By Sarah May', 'Sarah May'],
    ['happyface313', 'happyface313'],
    // a comment's author, a form's label, a label alone, a picture's credit, a date with categories after it: no name
    ['Art Edwards says:', null],
    ['Aylin sagt:', null],
    ['Name *', null],
    ['Name (erforderlich)', null],
    ['Posted on', null],
    ['Veröffentlicht am', null],
    ['Published by', null],
    ['Posted on September 21, 2020 by Adi Tzlil', 'Adi Tzlil'],
    ['By', null],
    ['Auteurs', null],
    ['Autor:', null],
    ['Foto: Ingo Schneider', null],
    ['En kiosques : juillet 2020', null],
    ['Donnerstag, 4. November 2021', null],
    ['Zuletzt geändert', null],
    ['S.', null],
    ['()x', null],
    ['Beitragvon r23', 'r23'],
    ['Von:Moritz Pieczewski-Freimuth', 'Moritz Pieczewski-Freimuth'],
    ['Piše: P. Mucović', 'P. Mucović'],
    ['Eine realistische Interpretation des Keynes-Hicks-Multiplikators 3.17 5 12 Stimmen', null],
    ['01.12.2022 / / CSP / International / Photovoltaik / Solarthermie', null],
  ];
  for (const [text, want] of cases) assert.equal(bylineName(text), want, text);
});

test("authors (reduced from trafilatura-eval pages): a JSON-LD author given by its node's @id, bylines outside the comments, a person's byline over an organisation or the site declared as author", () => {
  const body = fourParagraphs('the council meeting');
  const ld = (o: unknown): string => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;
  const author = (head: string, inBody = ''): string | null => article(extractPage(`<html><head>${head}</head><body>${inBody}<article>${body}</article></body></html>`, { url: 'https://www.example-news.de/a/1' })).author;
  // a graph whose article names its author by reference (the WordPress plugin's form), or gives the @id alone
  const graph = (ref: unknown): string =>
    ld({ '@context': 'https://schema.org', '@graph': [{ '@type': 'Article', '@id': 'https://x.de/a#article', author: ref }, { '@type': 'Person', '@id': 'https://x.de/#/schema/person/1', name: 'Eugen Zentner' }] });
  assert.equal(author(graph({ '@id': 'https://x.de/#/schema/person/1' })), 'Eugen Zentner');
  assert.equal(author(graph('https://x.de/#/schema/person/1')), 'Eugen Zentner');
  // the comments' authors and the comment form's label are not the article's author; the byline above the article is
  const comments = '<ol class="comment-list"><li><div class="comment-author vcard">Karoline sagt:</div><p>Schön geschrieben!</p></li><li><span class="author">Birgit</span></li></ol><form id="commentform"><p class="comment-form-author"><label for="author">Name *</label></p></form>';
  assert.equal(author('', `<div class="entry-meta"><span class="byline">Veröffentlicht am</span> <span class="author vcard">von Michael Veeser-Dombrowski</span></div>${comments}`), 'Michael Veeser-Dombrowski');
  assert.equal(author('', comments), null);
  // a link to the author's page, where nothing marks a byline (WordPress themes that class it nothing)
  assert.equal(author('', '<p class="entry-meta">Filed under <a href="/category/x/">Essays</a></p><a href="https://example-news.de/author/tanderson/">Tim Anderson</a>'), 'Tim Anderson');
  assert.equal(author('', '<ol class="commentlist"><li><a href="https://example-news.de/author/guest/">Guest Writer</a></li></ol>'), null);
  // a byline marked by its id or test id rather than its class
  assert.equal(author('', '<div id="author_header">Gunter Frank</div>'), 'Gunter Frank');
  assert.equal(author('', '<div class="QHbl nkdH" data-testid="prism-byline"><span>By</span><span>J.R. Stone</span></div>'), 'J.R. Stone');
  // an organisation, the site's own name or a system's account declared as the author gives way to a person's byline
  const byline = '<p class="article-author">Von Jens Büttner</p>';
  assert.equal(author(ld({ '@type': 'NewsArticle', author: [{ '@type': 'Organization', name: 'OÖ Volksblatt' }] }), byline), 'Jens Büttner');
  assert.equal(author('<meta name="author" content="example-news.de">', byline), 'Jens Büttner');
  assert.equal(author('<meta name="author" content="admin">', byline), 'Jens Büttner');
  assert.equal(author('<meta name="author" content="Bund der Energieverbraucher e.V.">', byline), 'Jens Büttner');
  assert.equal(author('<meta name="author" content="Anna Weber">', byline), 'Anna Weber');
  assert.equal(author('<meta name="author" content="example-news.de">'), 'example-news.de');
  // a byline that lists the declared author with others gives them all
  assert.equal(author('<meta name="author" content="Rudolf Fischer">', '<p class="author">von Rudolf Fischer, Simon Kohler</p>'), 'Rudolf Fischer, Simon Kohler');
  // not a place or a publication named after the author
  assert.equal(author('<meta name="author" content="Reuters">', '<p class="byline">Reuters, Washington, Nov 19</p>'), 'Reuters');
  assert.equal(author('<meta name="author" content="Eric Song">', '<p class="byline">Eric Song, IGN</p>'), 'Eric Song');
  // character references in JSON-LD names, quotes around a meta value, a value saying there is none
  assert.equal(author(ld({ '@type': 'NewsArticle', author: { '@type': 'Person', name: 'Redacci&oacute;n Diario Pagina Siete' } })), 'Redacción Diario Pagina Siete');
  assert.equal(author(`<meta name="author" content="'Luana Patriolino, Raphael Felice'">`), 'Luana Patriolino, Raphael Felice');
  assert.equal(author('<meta name="author" content="No Author">'), null);
  // a declared name without the words before it and the outlet after a bar; nothing else of it cut (aeb, htmldate-eval pages)
  assert.equal(author('<meta name="author" content="By TOM KRISHER, AP Auto Writer">'), 'TOM KRISHER, AP Auto Writer');
  assert.equal(author(ld({ '@type': 'NewsArticle', author: { '@type': 'Person', name: 'Amy Kuperinsky | NJ Advance Media for NJ.com' } })), 'Amy Kuperinsky');
  assert.equal(author('<meta name="author" content="Текст: Венера Ерофеева">'), 'Венера Ерофеева');
  assert.equal(author('<meta name="author" content="Bündnis 90/Die Grünen Bundestagsfraktion">'), 'Bündnis 90/Die Grünen Bundestagsfraktion');
  // the site's name beside the author's in a declared name or a byline (edition.cnn.com), not where the site's name comes first with its place
  assert.equal(author('<meta name="author" content="example-news - Alberto Ávila">'), 'Alberto Ávila');
  assert.equal(author('<meta name="author" content="Rob Picheta, Example News">'), 'Rob Picheta');
  assert.equal(author('', '<p class="byline">By Rob Picheta, Example-News</p>'), 'Rob Picheta');
  assert.equal(author('<meta name="author" content="Example News, Frankfurt, Germany">'), 'Example News, Frankfurt, Germany');
  // a login declared in JSON-LD, written out for readers in a meta element (libero.pe)
  assert.equal(author(ld({ '@type': 'NewsArticle', author: { '@type': 'Person', name: 'edilson.la.rosa' } }) + '<meta name="author" content="Edilson La Rosa">'), 'Edilson La Rosa');
  assert.equal(author(ld({ '@type': 'NewsArticle', author: { '@type': 'Person', name: 'edilson.la.rosa' } })), 'edilson.la.rosa');
});

test('authors (reduced from strangemachines.io, frolleinherr.com, 7mind.de, ethify.org, correiobraziliense.com.br; trafilatura-eval): JSON-LD with raw line breaks in its strings, the card label "Written by", a byline written as the first line; a declared body written as escaped markup', () => {
  const body = fourParagraphs('the performance of small programs');
  const get = (head: string, lead = ''): ExtractedArticle => article(extractPage(`<html><head>${head}</head><body><article>${lead}${body}</article></body></html>`));
  // invalid JSON that pages write and search engines read: a line break inside a string
  const raw = '<script type="application/ld+json">{"@type": "BlogPosting", "datePublished": "2019-12-03", "description": "Two\nlines", "author": {"@type": "Person", "name": "Jacopo Cascioli"}}</script>';
  assert.equal(get(raw).author, 'Jacopo Cascioli');
  assert.equal(get(raw).published, '2019-12-03');
  assert.equal(get('<meta name="twitter:label1" content="Verfasst von"><meta name="twitter:data1" content="Karoline Herr">').author, 'Karoline Herr');
  // a byline line that opens the article, left in the text; a line that only reads like one is no byline
  const opened = get('', '<p><i>von Daniela Obers</i></p>');
  assert.equal(opened.author, 'Daniela Obers');
  assert.equal(opened.authorFrom, 'text');
  assert.ok(opened.text.startsWith('von Daniela Obers'), opened.text.slice(0, 60));
  assert.equal(get('', '<p>Blog Beitrag von Margarita Koreneva</p>').author, 'Margarita Koreneva');
  assert.equal(get('', '<p>Absatz von Hauptprodukten</p>').author, null);
  // "Article by" on a line of its own over the author's name (nationnews.com): both are the byline, not the text
  const labelled = get('<meta name="author" content="Barry Alleyne">', '<p>Article by</p><p>Barry Alleyne</p>');
  assert.ok(labelled.text.startsWith('Paragraph 1'), labelled.text.slice(0, 60));
  assert.equal(get('', '<p>Von Berlin aus fährt der Zug</p>').author, null);
  // in an element that speaks of the date, when nothing else names the author; not the site's maker
  assert.equal(get('', '<p class="postmetadata">Posted on 21.09.2020 by Adi Tzlil</p>').author, 'Adi Tzlil');
  assert.equal(get('', '<div class="site-info">Designed by Elegant Themes</div>').author, null);
  assert.equal(get('<meta name="author" content="Anna Weber">', '<p class="postmetadata">Posted on 21.09.2020 by Adi Tzlil</p>').author, 'Anna Weber');
  // the phrase blog software puts under a post, in an element that says nothing of bylines (fouryears.eu, v8.dev)
  const footer = (line: string): ExtractedArticle => article(extractPage(`<html><body><article>${body}</article><div class="post-info"><span class="category">${line}</span></div></body></html>`));
  assert.equal(footer('Posted by Konstantin').author, 'Konstantin');
  assert.equal(footer('Posted by Konstantin').authorFrom, 'text');
  // where the author was found: declared, or a byline element
  assert.equal(get(raw).authorFrom, 'declared');
  assert.equal(get('', '<p class="postmetadata">Posted on 21.09.2020 by Adi Tzlil</p>').authorFrom, 'byline');
  assert.equal(get('', '<p>A page naming nobody.</p>').authorFrom, null);
  assert.equal(footer('Written by Alon Zakai. Retweet this').author, 'Alon Zakai');
  assert.equal(footer('Posted by T. V. Raman').author, 'T. V. Raman');
  // two names joined by "und"; the name ends with its block, not in the next one's words
  assert.equal(footer('Geschrieben von Jelko Djuren und Jutta Klaukien</span></div><div><span>Downloads').author, 'Jelko Djuren und Jutta Klaukien');
  assert.equal(footer('Gespeichert von Rasos</span><p>Weitere Artikel').author, 'Rasos');
  assert.equal(footer('posts by category').author, null);
  // an articleBody of markup written with character references is read as markup, and gives way to the page only when its text is twice as long
  const escaped = (paragraphs: number): string =>
    `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: Array.from({ length: paragraphs }, (_, k) => `&lt;p class=&quot;texto&quot;&gt;Em busca de uma solu&amp;ccedil;&amp;atilde;o, par&aacute;grafo ${k} do texto declarado e longo.&lt;/p&gt;`).join('') })}</script>`;
  const declaredWhole = get(escaped(40)).text;
  assert.ok(declaredWhole.startsWith('Em busca de uma solução, parágrafo 0'), declaredWhole.slice(0, 80));
  assert.ok(!declaredWhole.includes('&lt;') && !declaredWhole.includes('texto&quot;'));
  assert.ok(get(escaped(6)).text.startsWith('Paragraph 1 of the performance'));
});

test('authors (reduced from ln-online.de, energieverbraucher.de, erzbistum-koeln.de, finanztreff.de, elnacional.com, aussengedanken.de, livenet.ch; trafilatura-eval, htmldate-eval): a byline written as the first or last line names the author over an organisation or the site declared as one; a <byline> element; an agency or a handle after the name; a line of links to the authors; an "Autor:" line by the date', () => {
  const body = fourParagraphs('the auction for the church');
  const get = (head: string, lead = '', end = ''): ExtractedArticle =>
    article(extractPage(`<html><head>${head}</head><body><article>${lead}${body}${end}</article></body></html>`, { url: 'https://www.example-news.de/a/1' }));
  const org = '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Organization", "name": "LN"}}</script>';
  // the report signed at its end, over an organisation declared as author (left in the text)
  const signed = get(org, '', '<p><em>Von Cosima Künzel</em></p>');
  assert.equal(signed.author, 'Cosima Künzel');
  assert.equal(signed.authorFrom, 'text');
  assert.ok(signed.text.endsWith('Von Cosima Künzel'), signed.text.slice(-40));
  // over a legal form, the site's own name, and where nothing names an author
  assert.equal(get('<meta name="author" content="Bund der Energieverbraucher e.V.">', '<h5><em>Von Leonora Holling</em></h5>').author, 'Leonora Holling');
  assert.equal(get('<meta name="author" content="example-news.de">', '', '<p>Von Ulrich Nitsche</p>').author, 'Ulrich Nitsche');
  assert.equal(get('', '', '<p>Von Ulrich Nitsche</p>').author, 'Ulrich Nitsche');
  // a person declared stays; a last line that is a sentence, or does not open with the word, names nobody
  assert.equal(get('<meta name="author" content="Anna Weber">', '', '<p>Von Cosima Künzel</p>').author, 'Anna Weber');
  assert.equal(get(org, '', '<p>Von Montag an gilt die neue Regel.</p>').author, 'LN');
  assert.equal(get(org, '', '<p>Fotos von Cosima Künzel</p>').author, 'LN');
  // a <byline> element (a news agency's markup kept in the page), with the agency after the name
  assert.equal(get('<meta name="author" content="example-news.de">', '<byline>Von David Hutzler, dpa</byline>').author, 'David Hutzler');
  assert.equal(bylineName('By Andrew Dalton, AP'), 'Andrew Dalton');
  // degrees and licences after the name (healthline.com, an aeb page)
  assert.equal(bylineName('By Grant Tinsley, PhD'), 'Grant Tinsley');
  assert.equal(get('<meta name="author" content="Ilana Muhlstein, MS, RDN">').author, 'Ilana Muhlstein');
  // a social account's handle after the name (elnacional.com)
  assert.equal(bylineName('Por\nWilliams Perdomo @wperdomod\n-'), 'Williams Perdomo');
  assert.equal(get('<meta name="author" content="Williams Perdomo @wperdomod">').author, 'Williams Perdomo');
  // a byline line of links to the authors' pages, left out of the text as links are (aussengedanken.de)
  const linked = get('', '<p>Von <a href="http://www.rolandbrockmann.de">Roland Brockmann</a> und <a href="https://www.torial.com/sebastian.drescher">Sebastian Drescher</a></p>');
  assert.equal(linked.author, 'Roland Brockmann und Sebastian Drescher');
  assert.ok(!linked.text.includes('Roland Brockmann'), linked.text.slice(0, 60));
  // "Autor:" in an element that speaks of the date (livenet.ch); not in the article's text, where a review names the book's
  assert.equal(get('', '<div class="date-block">Datum: 19.11.2021<br>Autor: Fritz Imhof<br>Quelle: Livenet</div>').author, 'Fritz Imhof');
  assert.equal(get('', '<p>Autor: Fritz Imhof</p>').author, null);
  // the editor in charge, under a Chinese news site's article, where nothing else names anyone (xinhuanet.com)
  assert.equal(get('', '', '<span class="p-jc"><a class="advise">【纠错】</a> 责任编辑： \n焦鹏 </span>').author, '焦鹏');
  assert.equal(get('<meta name="author" content="Anna Weber">', '', '<span>责任编辑：焦鹏</span>').author, 'Anna Weber');
  // past a navigation whose classes speak of "meta" (heizung.de): its links are no date or byline texts
  const navigation = `<ul>${Array.from({ length: 25 }, (_, k) => `<li class="hde-m-navigation__meta-navigation-list-item"><a href="/r/${k}">Ratgeber ${k}</a></li>`).join('')}</ul>`;
  const hero = article(extractPage(`<html><body>${navigation}<div class="hero"><span class="hde-m-page-hero__meta-label">von Alexander Rosenkranz</span></div><article>${body}</article></body></html>`));
  assert.equal(hero.author, 'Alexander Rosenkranz');
  assert.equal(hero.authorFrom, 'byline');
  // the label alone, the name on the next line (rosalux.de); not a menu's "Autoren" over its next link
  const meta = (inner: string): string | null =>
    article(extractPage(`<html><body><div class="news__meta-column">${inner}</div><article>${body}</article></body></html>`)).author;
  assert.equal(meta('<h4 class="news__meta-title">Autor</h4><p class="news__meta-text"><a href="/profil/nikolai-huke">Nikolai Huke</a><b>, </b></p>'), 'Nikolai Huke');
  assert.equal(meta('<ul><li>About Us</li><li>Autoren</li><li>Newsletter</li></ul>'), null);
  assert.equal(meta('<ul><li>Autor</li><li>Newsletter</li></ul>'), null);
  // the site's name with its tagline declared as the author, and a byline line just before paragraphs marked as the body's (l-mag.de)
  const lmag = article(
    extractPage(
      `<html><head><meta name="author" content="Example-News – Das Magazin für Lesben"></head><body><div class="c_element"><p class="bodytext">Von Claudia Lindner</p>${[1, 2, 3]
        .map((n) => `<p class="bodytext">Paragraph ${n} of the remembrance, long enough to be one, with several words in it.</p>`)
        .join('')}</div></body></html>`,
      { url: 'https://www.example-news.de/a/1' },
    ),
  );
  assert.equal(lmag.author, 'Claudia Lindner');
  // after a separator, and "Redaktion:" (ejwue.de)
  assert.equal(get('', '<div class="news-single-timedata">05.02.2020 <span>-&nbsp;Redaktion: Eberhard Fuhr (Pressesprecher des EJW)</span></div>').author, 'Eberhard Fuhr');
});

test('extract (reduced from rnz.de and trafilatura-eval pages): an <aside> holding the whole article is read; a sidebar is not; a paragraph that follows itself (a teaser repeated as the body) is given once, a short repeated line as often as the page has it', () => {
  const text = 'Frankfurt/Main (dpa) - Für einen Roman über die alte Bundesrepublik hat Frank Witzel den Deutschen Buchpreis 2015 erhalten. Das Buch wurde in Frankfurt als beste literarische Neuerscheinung des Jahres im deutschsprachigen Raum ausgezeichnet.';
  const sidebar = '<aside class="sidebar"><p>Unser Newsletter bringt Ihnen jeden Morgen die wichtigsten Nachrichten aus der Region, kostenlos und jederzeit abbestellbar.</p></aside>';
  const page = `<html><body><main><aside class="nfy-pa nfy-pa-direct-content"><section class="nfy-ar"><header class="nfy-ar-functions"><h1>Frank Witzel erhält Deutschen Buchpreis 2015</h1><div class="nfy-ar-teaser-detail" itemprop="description"><p>${text}</p></div></header><article><div itemprop="articleBody"><p>${text}</p></div></article></section></aside>${sidebar}</main></body></html>`;
  const got = article(extractPage(page)).text;
  assert.equal(got, text);
  // a page whose article is elsewhere keeps its sidebar out
  const other = article(extractPage(`<html><body><main><article>${fourParagraphs('the book prize')}</article>${sidebar}</main></body></html>`)).text;
  assert.ok(!other.includes('Newsletter'), other.slice(-80));
  // the cells of a table repeat
  const cells = article(extractPage(`<html><body><article>${fourParagraphs('the recipe')}<table><tr><td>1 Prise</td></tr><tr><td>1 Prise</td></tr></table></article></body></html>`)).text;
  assert.equal(cells.split('1 Prise').length - 1, 2, cells);
});
