import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ingest, openStore } from '../src/index.js';
import { bodies, tempDir } from './_helpers.js';

const texts = bodies.slice(0, 4).map((x) => x.articleBody);

test('sites: a farm profile tells its copies, its sources, its delay, and a persona whose biography appears under other bylines and on another site', async () => {
  const bio = 'Jane Marlow is a freelance journalist based in Lisbon who writes about energy, markets and the people behind them.';
  const call = 'Follow us on Telegram to get the latest news first.';
  const records = [
    ...texts.map((text, k) => ({ url: `https://outlet.example/${k}`, text, published: `2024-03-0${k + 1}T08:00Z`, author: 'Ana Ruiz' })),
    ...texts.slice(0, 3).map((text, k) => ({ url: `https://farm.example/${k}`, text: `${text}\n\n${call}\n\n${bio}`, published: `2024-03-0${k + 1}T10:00Z`, author: k === 2 ? 'J. Marlow' : 'Jane Marlow' })),
    { url: 'https://farm-two.example/0', text: `${texts[3]}\n\n${bio}`, published: '2024-03-04T14:00Z', author: 'Maria Lopes' },
  ];
  const dir = tempDir();
  const file = join(dir, 'in.jsonl');
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
  const store = await openStore({ path: join(dir, 's.db') });
  await ingest(store, [file]);
  await store.close();
  const run = spawnSync('node', ['--import', 'tsx', 'src/cli/main.ts', 'sites', '--db', join(dir, 's.db'), '--json', '--workers', '1'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const profiles = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as import('../src/sites/index.js').SiteProfile);
  const farm = profiles.find((p) => p.site === 'farm.example');
  assert.ok(farm);
  assert.deepEqual([farm.articles, farm.copies, farm.copyShare], [3, 3, 1]);
  assert.deepEqual(farm.sources, [{ site: 'outlet.example', articles: 3 }]);
  assert.equal(farm.medianDelayHours, 2);
  assert.deepEqual(farm.authors, [{ name: 'Jane Marlow', articles: 2 }, { name: 'J. Marlow', articles: 1 }]);
  assert.deepEqual(farm.bios, [{ text: bio, articles: 3, authors: ['J. Marlow', 'Jane Marlow', 'Maria Lopes'], otherSites: ['farm-two.example'] }]);
  assert.deepEqual(farm.boilerplate.map((b) => [b.kind, b.text, b.articles]), [['call-to-action', call, 3]]);
  assert.deepEqual(farm.sharesBoilerplateWith, [{ site: 'farm-two.example', lines: 1 }]);
  const outlet = profiles.find((p) => p.site === 'outlet.example');
  assert.deepEqual([outlet?.copies, outlet?.medianDelayHours, outlet?.bios], [0, null, []]);
  const text = spawnSync('node', ['--import', 'tsx', 'src/cli/main.ts', 'sites', '--db', join(dir, 's.db'), '--site', 'farm.example', '--workers', '1'], { encoding: 'utf8' });
  assert.match(text.stdout, /^farm\.example: 3 articles, 3 copies \(100%\)\n  copies from: outlet\.example \(3\)\n  median delay after the origin: 2 h\n/);
  assert.match(text.stdout, /biography in 3 articles under 3 bylines \(J\. Marlow, Jane Marlow, Maria Lopes\), also on farm-two\.example/);
});
