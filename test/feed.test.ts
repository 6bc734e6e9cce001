import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ingest, openStore, type NewstraceError } from '../src/index.js';
import { bodies, tempDir } from './_helpers.js';

const [a, b, c] = bodies.map((x) => x.articleBody) as [string, string, string];
const paragraphs = (text: string): string => text.split('\n\n').map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('');
const cdata = (html: string): string => `<![CDATA[${html}]]>`;
const escaped = (html: string): string => html.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

test('feeds: RSS, Atom and JSON Feed items become articles with their content, link, date and author', async () => {
  const dir = tempDir();
  writeFileSync(
    join(dir, 'news.rss'),
    `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example News</title><link>https://news.example/</link>
<item><title>Full story</title><link>https://news.example/full</link><pubDate>Tue, 05 Mar 2024 08:30:00 GMT</pubDate>
<dc:creator>Ana Ruiz</dc:creator><description>Short teaser.</description><content:encoded>${cdata(paragraphs(a) + '<script>alert(1)</script>')}</content:encoded></item>
<item><title>Teaser only</title><link>https://news.example/teaser</link><author>noreply@blogger.com (Dee Park)</author><description>${escaped(paragraphs(b.slice(0, 400)))}</description></item>
<item><title>No link</title><description>text</description></item>
</channel></rss>`,
  );
  writeFileSync(
    join(dir, 'blog.atom'),
    `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title>
<entry><title>Atom entry</title><link rel="alternate" href="https://blog.example/entry"/><id>urn:x</id>
<published>2024-03-06T10:00:00Z</published><author><name>Bo Lee</name></author>
<content type="html">${escaped(paragraphs(c))}</content></entry></feed>`,
  );
  writeFileSync(
    join(dir, 'feed.json'),
    JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'JSON', items: [{ id: '1', url: 'https://json.example/1', title: 'J', content_html: paragraphs(b), date_published: '2024-03-07T00:00:00Z', authors: [{ name: 'Cy Doe' }] }] }),
  );
  writeFileSync(join(dir, 'broken.xml'), 'this is not XML at all');
  const store = await openStore({ path: join(dir, 'f.db') });
  const errors: NewstraceError[] = [];
  const summary = await ingest(store, [dir], { onError: (e) => errors.push(e) });
  assert.equal(summary.added, 4);
  assert.deepEqual(
    errors.map((e) => e.describe().replace(dir, 'DIR')).sort(),
    ['DIR/broken.xml: not a feed: expected RSS or Atom XML', 'DIR/news.rss#3: feed item without a link'],
  );
  const full = await store.getByUrl('https://news.example/full');
  assert.equal(full?.title, 'Full story');
  assert.equal(full?.author, 'Ana Ruiz');
  assert.equal(full?.published, '2024-03-05T08:30:00Z');
  assert.equal(full?.text, a);
  assert.equal(full?.meta['feed'], 'Example News');
  const teaser = await store.getByUrl('https://news.example/teaser');
  assert.equal(teaser?.meta['summaryOnly'], true);
  // RSS names the author by mail address, the name in brackets after it
  assert.equal(teaser?.author, 'Dee Park');
  assert.ok(teaser?.text.startsWith(b.slice(0, 100)));
  const atom = await store.getByUrl('https://blog.example/entry');
  assert.equal(atom?.author, 'Bo Lee');
  assert.equal(atom?.text, c);
  const json = await store.getByUrl('https://json.example/1');
  assert.equal(json?.author, 'Cy Doe');
  assert.equal(json?.text, b);
  await store.close();
});
