/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { bodies, paragraphs, storeWith, tempDir, type Rec } from './_helpers.js';

const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser) {
  // on a user's machine without Chromium the browser test is skipped; CI installs it, and there it must run
  if (process.env['CI']) throw new Error(`Chromium is needed for the report test in CI and is not at ${CHROMIUM}`);
  process.stdout.write(`# report: browser test skipped, no Chromium at ${CHROMIUM} (apt install chromium)\n`);
}

const [a] = bodies.map((x) => x.articleBody) as [string];
const attack = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">"><svg onload="window.__pwned = 3">';

test('report: renders in a real browser with the passages, substitutions and boilerplate marked where they belong, and runs no script from the article', { skip: !haveBrowser }, async () => {
  const { chromium } = await import('playwright-core');
  const paras = paragraphs(a);
  const origin: Rec = { url: 'https://origin.example/story', text: paras.join('\n\n'), published: '2024-03-01T08:00Z', title: 'The origin' };
  const word = (/\b[A-Z][a-z]{4,}\b/.exec(paras[1] ?? '') ?? ['Company'])[0];
  const copyText = [`${attack} Here is what we know.`, ...paras.map((p) => p.replaceAll(word, 'Valdoria')), 'Follow us on Telegram to get the latest news first.'].join('\n\n');
  const copy: Rec = { url: 'https://farm.example/1', text: copyText, published: '2024-03-01T11:00Z', title: `Copy ${attack}` };
  const dir = tempDir();
  const store = await storeWith([origin, copy], dir);
  await store.close();
  const out = join(dir, 'report.html');
  const cli = spawnSync('node', ['--import', 'tsx', 'src/cli/main.ts', 'report', copy.url, '--db', join(dir, 'test.db'), '-o', out], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  const html = readFileSync(out, 'utf8');
  assert.doesNotMatch(html, /<script|<img|<svg onload/i, 'no markup of the article survives as markup');

  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'newstrace-chromium-')), {
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(out).href);
    // (no named functions inside: the test runner's compiler would wrap them in a helper the page does not have)
    const seen = await page.evaluate(() => {
      const w = window as unknown as { __pwned?: number };
      const shared = document.querySelector('tr.passage td .shared') as HTMLElement | null;
      return {
        pwned: w.__pwned ?? null,
        scripts: document.scripts.length,
        images: document.images.length,
        title: document.title,
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
        sharedBackground: shared ? getComputedStyle(shared).backgroundColor : '',
        firstPassage: [...document.querySelectorAll('tr.passage')].map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? '')),
        subst: [...document.querySelectorAll('tr.passage td:first-child .subst')].map((e) => e.textContent ?? ''),
        from: [...document.querySelectorAll('tr.passage td:last-child .from')].map((e) => e.textContent ?? ''),
        boilerplate: [...document.querySelectorAll('.boilerplate')].map((e) => e.textContent ?? ''),
        nodes: [...document.querySelectorAll('svg .node')].map((n) => [n.getAttribute('data-url'), n.classList.contains('self')]),
        body: document.body.innerText,
      };
    });
    assert.equal(seen.pwned, null, 'no script of the article ran');
    assert.equal(seen.scripts, 0);
    assert.equal(seen.images, 0);
    assert.ok(seen.title.includes('<script>window.__pwned = 1</script>'), 'the title shows the injection as text');
    assert.ok(seen.body.includes('<img src=x onerror="window.__pwned = 2">'), 'the article shows the injection as text');
    assert.match(seen.csp, /default-src 'none'.*script-src 'none'/);
    assert.equal(seen.sharedBackground, 'rgb(255, 241, 168)', 'the style sheet applies under the policy: passages are highlighted');
    // the aligned rows hold the same paragraph on both sides, the copy's with the name swapped
    const row = seen.firstPassage[0] as [string, string];
    // (passages begin and end at words: the source's opening parenthesis is outside it)
    assert.ok((paras[0] as string).startsWith(`(${row[1].slice(0, 40)}`) || (paras[0] as string).startsWith(row[1].slice(0, 40)), 'the source side begins at the source passage');
    assert.equal(row[0].replaceAll('Valdoria', word), row[1], 'both sides of a passage are the same text but for the swap');
    assert.ok(seen.subst.length > 0 && seen.subst.every((w) => w === 'Valdoria'), `substituted words marked in the copy: ${seen.subst.join(',')}`);
    assert.ok(seen.from.length > 0 && seen.from.every((w) => w === word), `replaced words marked in the source: ${seen.from.join(',')}`);
    assert.deepEqual(seen.boilerplate, ['Follow us on Telegram to get the latest news first.']);
    assert.deepEqual(seen.nodes, [[origin.url, false], [copy.url, true]]);
    assert.deepEqual(requests.filter((r) => !r.startsWith('file:')), [], 'the page asks nothing of the network');
  } finally {
    await context.close();
  }
});
