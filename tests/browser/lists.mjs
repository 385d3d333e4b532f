// Lists: every bundled list in use with its entry count and what its import changed; all snapshots on request.
import { run, check, signIn, waitForText, textOf } from './lib.mjs';

await run('lists', async ({ page, url, key, role, shot }) => {
  await signIn(page, url, `${key}`, role);
  await page.getByRole('link', { name: 'Lists' }).click();
  await waitForText(page, 'table caption', 'Snapshots in use');
  const table = await textOf(page, 'table');
  for (const dataset of ['bis-dpl', 'ofac-sdn', 'un', 'us-csl']) check(table.includes(dataset), `list ${dataset} shown: ${table.slice(0, 300)}`);
  check(/\+[\d,]+ added/.test(table), 'what the import changed is shown');
  check(table.includes('2026-02-27'), 'the UN list shows its publication date');
  await shot('in-use');
  await page.getByLabel(/Show every snapshot held/).check();
  await waitForText(page, 'table caption', 'Every snapshot held');
});
