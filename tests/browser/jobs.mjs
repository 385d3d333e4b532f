// Jobs: an analyst submits a batch screening CSV and an impact job, watches the progress bars fill, and downloads
// the screening job's results as JSON Lines in input order.
import { run, check, signIn, waitForText } from './lib.mjs';
import { writeFile, readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

await run('jobs', async ({ page, url, key, role, shot }) => {
  await signIn(page, url, key, role);
  await page.getByRole('link', { name: 'Jobs' }).click();
  const folder = await mkdtemp(join(tmpdir(), 'reticle-jobs-'));
  const csv = join(folder, 'parties.csv');
  const rows = Array.from({ length: 40 }, (_, i) => `P${i + 1},${i % 2 ? 'Semiconductor Manufacturing International Corporation' : `Unlisted Trading ${i + 1}`},CN`);
  await writeFile(csv, ['id,name,country', ...rows].join('\n') + '\n');
  await page.getByLabel('CSV of parties').setInputFiles(csv);
  await page.getByRole('button', { name: 'Submit screening' }).click();
  await waitForText(page, '#jobs-status', /Submitted job_/);
  const done = await waitForText(page, '.job[data-kind=screening][data-status=completed]', /screening .* 40 of 40 \(100%\)/, 60000);
  check(/Result digest sha256:[0-9a-f]{64}/.test(done), `a completed job shows its digest: ${done}`);
  const bar = page.locator('.job[data-kind=screening][data-status=completed] progress').first();
  check(await bar.getAttribute('value') === '40' && await bar.getAttribute('max') === '40', 'the progress bar is full');

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.job[data-kind=screening][data-status=completed]').first().getByRole('button', { name: 'Download results' }).click()]);
  const saved = join(folder, 'results.jsonl');
  await download.saveAs(saved);
  const lines = (await readFile(saved, 'utf8')).trim().split('\n').map(l => JSON.parse(l));
  check(lines.length === 40, `40 results, one per row: ${lines.length}`);
  check(lines.map(l => l.id).join(',') === rows.map(r => r.split(',')[0]).join(','), 'results in input order');
  check(lines[1].hits.length > 0 && lines[0].hits.length === 0, 'SMIC hits, the unlisted name does not');

  await page.getByLabel('Known at').fill('2024-05-01');
  await page.getByLabel('Compared with').fill('2024-05-21');
  await page.getByRole('button', { name: 'Submit impact' }).click();
  await waitForText(page, '.job[data-kind=impact][data-status=completed]', /^impact .*100%/, 60000);
  await shot('jobs');
});
