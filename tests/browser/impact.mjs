// Impact: between knowledge of RETICLE_KNOWN_AT and RETICLE_VS the seeded order changes from licensed to
// license-required because the licence's revocation was announced in between.
import { run, check, signIn, waitForText } from './lib.mjs';

await run('impact', async ({ page, url, key, role, shot }) => {
  await signIn(page, url, key, role);
  await page.getByRole('link', { name: 'Impact' }).click();
  await page.getByLabel('Known at').fill(process.env.RETICLE_KNOWN_AT ?? '2024-05-01');
  await page.getByLabel('Compared with').fill(process.env.RETICLE_VS ?? '2024-05-21');
  await page.getByRole('button', { name: 'Compare' }).click();
  const summary = await waitForText(page, '#impact-result .summary', /evaluated/);
  check(/[1-9]\d* changed/.test(summary), `some order changes: ${summary}`);
  const change = await waitForText(page, '.change', 'licensed → license-required');
  check(/revoked/.test(change), `the change says why: ${change}`);
  check(change.includes('NL: licensed → license-required'), `the jurisdiction that changed is named: ${change}`);
  await shot('changes');
});
