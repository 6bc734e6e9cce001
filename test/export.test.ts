import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { reuseNetwork, writeNetwork } from '../src/export/index.js';
import { traceAll } from '../src/index.js';
import { elements } from '../src/extract/dom.js';
import { bodies, spinEvery, storeWith, tempDir, type Rec } from './_helpers.js';

const [a, b] = bodies.map((x) => x.articleBody) as [string, string];
const injected = 'Breaking <script>alert("x")</script> & "quotes" \u0001';
/** An origin, two farm sites copying it (one a copy of the other's copy), and an unrelated article. */
const records: Rec[] = [
  { url: 'https://origin.example/story', text: a, published: '2024-03-01T08:00Z', title: injected },
  { url: 'https://farm-one.example/1', text: `Follow us on Telegram.\n\n${spinEvery(a, 5)}`, published: '2024-03-01T11:00Z', title: 'Copy one' },
  { url: 'https://farm-two.example/1', text: `${spinEvery(a, 5)}\n\nSource: farm-one`, published: '2024-03-02T09:00Z', title: 'Copy two' },
  { url: 'https://other.example/x', text: b, published: '2024-03-01T09:00Z', title: 'Unrelated' },
];

/** The elements named `name` in an XML document, parsed by a real XML parser. */
function xmlElements(text: string, name: string): Element[] {
  return [...elements(parseDocument(text, { xmlMode: true }))].filter((e) => e.name === name);
}

test('export: GraphML and GEXF hold every article as a node and each reuse as an edge from the source to the copy, with its share', async () => {
  const dir = tempDir();
  const store = await storeWith(records, dir);
  const network = await reuseNetwork(traceAll(store), 'articles');
  for (const format of ['graphml', 'gexf'] as const) {
    const text = writeNetwork(network, format);
    const nodes = xmlElements(text, 'node');
    assert.deepEqual(nodes.map((n) => n.attribs['id']).sort(), records.map((r) => r.url).sort(), format);
    const edges = xmlElements(text, 'edge').map((e) => `${e.attribs['source']} -> ${e.attribs['target']}`);
    assert.ok(edges.includes('https://origin.example/story -> https://farm-one.example/1'), `${format}: ${edges.join(', ')}`);
    assert.ok(edges.some((e) => e.endsWith('-> https://farm-two.example/1')), format);
    assert.ok(!edges.some((e) => e.includes('other.example')), 'the unrelated article has no edge');
    assert.ok(!edges.some((e) => e.endsWith('-> https://origin.example/story')), 'nothing is a source of the origin');
    // the untrusted title comes back from the XML parser as it was (a control character replaced), never as markup
    assert.equal(xmlElements(text, 'script').length, 0);
    assert.match(text, /Breaking &lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &quot;quotes&quot; \ufffd/);
  }
  const gexf = writeNetwork(network, 'gexf');
  const edge = xmlElements(gexf, 'edge').find((e) => e.attribs['source'] === 'https://origin.example/story' && e.attribs['target'] === 'https://farm-one.example/1');
  const weight = Number(edge?.attribs['weight']);
  const farmOne = network.nodes.find((n) => n.id === 'https://farm-one.example/1');
  assert.ok(weight > 0.8 && weight <= 1, `weight ${weight}`);
  assert.equal(farmOne?.values[3], 'copy');
});

test('export: sites as nodes, an edge counting the articles of one site that reuse another; CSV tables from the command line', async () => {
  const dir = tempDir();
  const store = await storeWith(records, dir);
  const network = await reuseNetwork(traceAll(store), 'sites');
  assert.deepEqual(network.nodes.map((n) => n.id).sort(), ['farm-one.example', 'farm-two.example', 'origin.example', 'other.example']);
  const fromOrigin = network.edges.find((e) => e.source === 'origin.example' && e.target === 'farm-one.example');
  assert.equal(fromOrigin?.weight, 1);
  await store.close();

  const out = join(dir, 'net.csv');
  const cli = spawnSync('node', ['--import', 'tsx', 'src/cli/main.ts', 'export', '--db', join(dir, 'test.db'), '--format', 'csv', '-o', out], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  const edges = readFileSync(out, 'utf8').trim().split('\r\n');
  assert.equal(edges[0], 'Source,Target,Type,Weight,coverage,sourceCoverage,parent');
  assert.ok(edges.some((l) => l.startsWith('https://origin.example/story,https://farm-one.example/1,Directed,')));
  const nodes = readFileSync(join(dir, 'net.nodes.csv'), 'utf8').trim().split('\r\n');
  assert.equal(nodes.length, 1 + records.length);
  assert.ok(nodes.some((l) => l.startsWith('https://origin.example/story,"Breaking <script>alert(""x"")</script>')), 'a title with quotes is one quoted field');
  const bad = spawnSync('node', ['--import', 'tsx', 'src/cli/main.ts', 'export', '--db', join(dir, 'test.db'), '--format', 'dot'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /expected one of graphml, gexf, csv/);
});
