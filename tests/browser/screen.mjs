// Screen: "SMIC" in CN hits the Entity List entry, and each hit says why (the aligned words and the score).
import { run, check, signIn, waitForText } from './lib.mjs';

await run('screen', async ({ page, url, key, role, shot }) => {
  await signIn(page, url, key, role);
  await page.getByRole('link', { name: 'Screen' }).click();
  await waitForText(page, 'h1', 'Screen a name');
  await page.getByLabel('Name', { exact: true }).fill('SMIC');
  await page.getByLabel('Country').fill('CN');
  await page.getByLabel('Type').selectOption('entity');
  await page.getByRole('button', { name: 'Screen' }).click();
  const summary = await waitForText(page, '#screen-result .summary', /hits? at or above 0\.8/);
  check(!summary.startsWith('No hit'), summary);
  const hits = await page.locator('.hit').allInnerTexts();
  const entityList = hits.find(t => t.includes('Entity List (EL)') && t.includes('Semiconductor Manufacturing International Corporation (SMIC)'));
  check(entityList, `an Entity List hit for SMIC among: ${hits.map(t => t.split('\n')[0]).join(' | ')}`);
  check(entityList.includes("'smic' ~ 'smic': same word"), `the hit explains the aligned words: ${entityList}`);
  check(/score\s+1\.000/.test(entityList), `the hit shows its score: ${entityList}`);
  await shot('smic');
});
