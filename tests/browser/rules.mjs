// Rules over time: both pictures drawn from the server's timeline, with the Dutch 2023 and 2024 entries
// and the overlay bands (the 1.50-2.40 nm band reached by NL only from 2024-09-07).
import { run, check, signIn, waitForText } from './lib.mjs';

await run('rules', async ({ page, url, key, role, shot }) => {
  await signIn(page, url, key, role);
  await page.getByRole('link', { name: 'Rules over time' }).click();
  await waitForText(page, 'h1', 'Rules over time');
  const byJurisdiction = page.locator('svg[data-testid=rules-by-jurisdiction]');
  await byJurisdiction.waitFor({ state: 'visible' });
  for (const j of ['EU', 'JP', 'NL', 'US']) check(await byJurisdiction.locator(`g.j-${j}`).count() > 0, `bars for ${j}`);
  check(await byJurisdiction.locator('g[data-control="NL-SME-2023 3B001.f.4"]').count() === 1, 'the 2023 Dutch entry');
  check(await byJurisdiction.locator('g[data-control="NL-SME-2024 3B001.f.4"]').count() === 1, 'the 2024 Dutch entry');
  const byBand = page.locator('svg[data-testid=rules-by-overlay]');
  const labels = await byBand.locator('text.row-label').allTextContents();
  check(labels.includes('DCO ≤ 1.5 nm') && labels.includes('1.5 < DCO ≤ 2.4 nm'), `overlay bands: ${labels.join(' | ')}`);
  const nl2023 = await byBand.locator('g[data-control="NL-SME-2023 3B001.f.4"]').count();
  const nl2024 = await byBand.locator('g[data-control="NL-SME-2024 3B001.f.4"]').count();
  check(nl2023 === 1 && nl2024 === 2, `NL 2023 reaches one band, NL 2024 two (found ${nl2023}, ${nl2024})`);
  const tip = await byJurisdiction.locator('g[data-control="NL-SME-2023 3B001.f.4"] title').textContent();
  check(tip.includes('until 2024-09-06') && tip.includes('DCO ≤ 1.5 nm'), `the bar's tooltip gives period and threshold: ${tip}`);
  await shot('pictures');
});
