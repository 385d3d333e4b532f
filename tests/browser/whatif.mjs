// What-if: the draft written from docs/rule-packs.md (a Singapore DUV control) over the seeded open orders: the
// export to China is the one changed order, 70,000,000 USD at stake, charted per month; Rules over time then draws
// the draft's entry dashed beside the rules in force, and the packs diff shows the Dutch 2024 amendment.
import { run, check, signIn, waitForText } from './lib.mjs';

await run('whatif', async ({ page, url, key, role, shot }) => {
  await signIn(page, url, key, role);
  await page.getByRole('link', { name: 'What-if' }).click();
  await page.getByLabel('Draft rule packs (YAML)').setInputFiles(process.env.RETICLE_DRAFT);
  await page.getByRole('button', { name: 'Run what-if' }).click();
  const summary = await waitForText(page, '#whatif-result .summary', /evaluated/);
  check(summary.includes('1 changed materially'), `one order changes materially: ${summary}`);
  const stake = await waitForText(page, '#whatif-result .stake', 'Value at stake');
  check(stake.includes('70,000,000 USD'), `the value at stake is the order's: ${stake}`);
  const change = await waitForText(page, '.change', 'permitted → license-required');
  check(/SG-CN-2050I/.test(change), `the changed order is the export to China: ${change}`);
  check(/draft rule sg\.sgco\.duv-immersion/.test(change), `the change names the draft rule: ${change}`);
  const bars = await page.locator('[data-testid="stake-chart-USD"] .month').count();
  check(bars === 1, `the chart has one month: ${bars}`);
  await shot('whatif');

  await page.getByRole('link', { name: 'See the drafts in Rules over time' }).click();
  await waitForText(page, '.draft-note', 'sg.duv-draft');
  const dashed = await page.locator('[data-testid="rules-by-jurisdiction"] g.bar.draft').count();
  check(dashed >= 1, `the draft's entry is drawn dashed: ${dashed}`);
  const style = await page.locator('[data-testid="rules-by-jurisdiction"] g.bar.draft rect').first().evaluate(r => getComputedStyle(r).strokeDasharray);
  check(style && style !== 'none', `dashed stroke: ${style}`);
  const solid = await page.locator('[data-testid="rules-by-jurisdiction"] g.bar:not(.draft)').count();
  check(solid > 5, `the rules in force are drawn beside it: ${solid}`);
  await shot('rules-with-drafts');

  await page.getByRole('button', { name: 'Show changes' }).click();
  const diff = await waitForText(page, '#diff-result', '3B001.f.4');
  check(diff.includes('dedicatedChuckOverlayNm <= 2.40 nm') && diff.includes('dedicatedChuckOverlayNm <= 1.50 nm'), `the diff shows the threshold before and after: ${diff.slice(0, 300)}`);
  await shot('packs-diff');
});
