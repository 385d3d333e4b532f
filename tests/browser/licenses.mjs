// Licences: the seeded licence with its balance per line, and its detail with a timeline picture that
// draws the validity, the use (draw-down) and the revocation.
import { run, check, signIn, waitForText, textOf } from './lib.mjs';

const ID = process.env.RETICLE_LICENSE ?? 'NL-2023-0042';

await run('licenses', async ({ page, url, key, role, shot }) => {
  await signIn(page, url, key, role);
  await page.getByRole('link', { name: 'Licences' }).click();
  await waitForText(page, 'main h2', ID);
  const lines = await textOf(page, 'table.lines');
  check(lines.includes('sku NXT:2050i'), `line 1 is shown: ${lines}`);
  await shot('list');
  await page.getByRole('link', { name: ID }).click();
  await waitForText(page, 'main h2', `${ID} — NL`);
  const svg = page.locator('svg[data-testid=license-timeline]');
  await svg.waitFor({ state: 'visible' });
  const box = await svg.boundingBox();
  check(box && box.width > 300 && box.height > 60, `the timeline has a size: ${JSON.stringify(box)}`);
  check(await svg.locator('rect.validity').count() === 1, 'one validity bar');
  check(await svg.locator('line.use-consumed').count() >= 1, 'the draw-down is drawn');
  check(await svg.locator('line.revoked').count() === 1, 'the revocation is drawn');
  const description = await svg.locator('desc').textContent();
  check(description.includes('revoked') && description.includes('consumed'), `the picture is described in text: ${description}`);
  const events = await textOf(page, 'table:last-of-type');
  check(events.includes('consumed line 1') && events.includes('revoked'), `events table: ${events}`);
  await shot('timeline');
});
