// Ownership: a subsidiary no name on a list resembles is caught on the Screen page by its ownership, and the Ownership
// page draws its owners and stakes and gives the path to the listed parent (the BIS Affiliates rule).
import { run, check, signIn, waitForText } from './lib.mjs';

await run('owners', async ({ page, url, key, role, shot }) => {
  await signIn(page, url, key, role);
  await page.getByRole('link', { name: 'Screen' }).click();
  await waitForText(page, 'h1', 'Screen a name');
  await page.getByLabel('Name', { exact: true }).fill('Pearl River Tooling (Zhuhai) Co. Ltd.');
  await page.getByLabel('Country').fill('CN');
  await page.getByRole('button', { name: 'Screen' }).click();
  const alert = await waitForText(page, '#screen-result .ownership-alert', 'owned 50 % or more by listed parties');
  check(alert.includes('25 % through Pearl River Precision Parts Co. Ltd., itself owned 60 % by Semiconductor Manufacturing International Corporation (EL, footnote 5)'),
    `the screening names the path through the intermediate: ${alert}`);
  await shot('screen-ownership');

  await page.getByRole('link', { name: 'Ownership picture' }).click();
  await waitForText(page, 'h1', 'Ownership');
  const summary = await waitForText(page, '#owners-result .summary', 'BIS Affiliates rule');
  check(summary.includes('owned 30 % by Semiconductor Manufacturing International Corporation (EL, footnote 5)'), summary);
  const picture = page.locator('svg.ownership-picture');
  check(await picture.count() === 1, 'one ownership picture');
  const label = await picture.getAttribute('aria-label');
  check(label.includes('Pearl River Tooling (Zhuhai) Co. Ltd. and its 3 owners'), `the picture names the party and its owners: ${label}`);
  const boxes = await picture.locator('text.node-note').allTextContents();
  check(boxes.includes('EL, footnote 5') && boxes.includes('restricted through ownership'), `listed and restricted owners are marked: ${boxes.join(' | ')}`);
  const paths = (await page.locator('.paths .path').allInnerTexts()).map(t => t.replace(/\s+/g, ' ').trim());
  check(paths.some(p => p.includes('← 25 % Pearl River Precision Parts Co. Ltd. ← 60 % Semiconductor Manufacturing International Corporation [EL]')),
    `the path through the intermediate is shown: ${paths.join(' | ')}`);
  const rows = await page.locator('table.owners tbody tr').count();
  check(rows === 3, `three owners on record, found ${rows}`);
  await shot('owners-picture');

  // Before the stakes were held, the same party is not owned by anyone listed: the picture is for the date asked.
  await page.getByLabel('Date').fill('2019-06-01');
  await page.getByRole('button', { name: 'Show ownership' }).click();
  await waitForText(page, '#owners-result .summary', 'not owned 50 % or more by listed parties on 2019-06-01');
});
