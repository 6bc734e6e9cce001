import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { storyFamilies } from '../src/families/index.js';
import { traceAll } from '../src/index.js';
import { bodies, paragraphs, spinEvery, storeWith, tempDir, type Rec } from './_helpers.js';

const [a, b, c] = bodies.map((x) => x.articleBody) as [string, string, string];

test('families: a chain of copies and a direct copy make one family with its origin, its tree, the evidence and the delays', async () => {
  const named = paragraphs(a).map((p, k) => (k === 1 ? `${p} The Harbor Courier first reported the plans.` : p)).join('\n\n');
  const first = `${named.replace('The Harbor Courier first', 'The Daily Buzz first')}\n\nFollow us on Telegram.`;
  const records: Rec[] = [
    { url: 'https://courier.example/story', text: named, published: '2024-03-01T08:00Z' },
    { url: 'https://buzz.example/1', text: first, published: '2024-03-01T10:00Z' },
    { url: 'https://wire.example/1', text: `Here is what we know.\n\n${first}`, published: '2024-03-01T14:00Z' },
    { url: 'https://pulse.example/1', text: spinEvery(`Here is what we know.\n\n${first}`, 40), published: '2024-03-01T20:00Z' },
    { url: 'https://direct.example/1', text: spinEvery(named, 30), published: '2024-03-01T12:00Z' },
    { url: 'https://alone.example/1', text: b, published: '2024-03-01T09:00Z' },
    { url: 'https://other.example/1', text: c, published: '2024-03-02T09:00Z' },
    { url: 'https://other-copy.example/1', text: c, published: '2024-03-02T19:30Z' },
  ];
  const dir = tempDir();
  const store = await storeWith(records, dir);
  const families = await storyFamilies(traceAll(store));
  assert.deepEqual(families.map((f) => f.articles), [5, 2], 'the unrelated article is in no family');
  const [big, small] = families as [(typeof families)[0], (typeof families)[0]];
  assert.equal(big.origin.url, 'https://courier.example/story');
  assert.equal(big.origin.reason, 'the only article of the family that copies no other');
  const edges = Object.fromEntries(big.edges.map((e) => [e.to, e.from]));
  assert.deepEqual(edges, {
    'https://buzz.example/1': 'https://courier.example/story',
    'https://wire.example/1': 'https://buzz.example/1',
    'https://pulse.example/1': 'https://wire.example/1',
    'https://direct.example/1': 'https://courier.example/story',
  });
  const wire = big.edges.find((e) => e.to === 'https://wire.example/1');
  assert.match(wire?.evidence ?? '', /changes this article carries/, 'the copy of a copy is told by the change it carries');
  assert.equal(wire?.hours, 4);
  const pulse = big.members.find((m) => m.url === 'https://pulse.example/1');
  assert.deepEqual([pulse?.depth, pulse?.hoursAfterOrigin], [3, 12]);
  assert.equal(small.members.find((m) => m.url === 'https://other-copy.example/1')?.hoursAfterOrigin, 10.5);
  await store.close();

  const cli = spawnSync('node', ['--import', 'tsx', 'src/cli/main.ts', 'families', '--db', join(dir, 'test.db'), '--workers', '1'], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  assert.match(cli.stdout, /family 1: 5 articles on 5 sites\n  origin https:\/\/courier\.example\/story/);
  assert.match(cli.stdout, /├─ https:\/\/buzz\.example\/1 .*\n.*└─ https:\/\/wire\.example\/1 .*\n.*└─ https:\/\/pulse\.example\/1 .*\+12 h/);
});
