// Holds: a reviewer releases the seeded hold with a reason; it moves to the history naming who released it.
import { run, check, signIn, waitForText, textOf } from './lib.mjs';

await run('holds', async ({ page, url, key, role, shot }) => {
  await signIn(page, url, key, role);
  await page.getByRole('link', { name: 'Holds' }).click();
  await waitForText(page, 'main h2', /Held \([1-9]/);
  const hold = page.locator('section[data-hold]').first();
  const id = await hold.getAttribute('data-hold');
  const text = (await hold.innerText()).replace(/\s+/g, ' ');
  check(text.includes('license-required'), `the hold says why: ${text}`);
  await shot('queue');
  await hold.getByLabel('Reason code').fill('license-outside-system');
  await hold.getByLabel('Explanation').fill('Licence granted on paper by the CDIU; scanned copy filed.');
  await hold.getByRole('button', { name: `Release hold ${id}` }).click();
  await waitForText(page, '#holds-notice', `Hold ${id} on`);
  const row = await textOf(page, `tr[data-hold="${id}"]`);
  check(row.includes('released') && row.includes('license-outside-system'), `history row: ${row}`);
  check(row.includes(`api:${role}`), `the releaser is named as the API key (api:${role}): ${row}`);
  await shot('released');
});
