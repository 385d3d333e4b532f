// The API reference at /docs (Scalar, reading /openapi/v1.json): it lists the operations and draws each body's
// example from its schema. Needs no key: the reference and the document are public.
import { run, check, waitForText } from './lib.mjs';

await run('docs', async ({ page, url, shot }) => {
  // Not waiting for 'load': the reference may ask for web fonts, which a machine without internet never gets.
  await page.goto(new URL('docs/', url).toString(), { waitUntil: 'domcontentloaded', timeout: 60000 });
  await waitForText(page, 'body', 'Reticle API', 30000);
  const sidebar = await page.locator('body').innerText();
  for (const group of ['Determinations', 'Screening', 'Lists', 'Licenses', 'Orders', 'Holds', 'Impact', 'Audit', 'Rules', 'Models']) {
    check(sidebar.includes(group), `the reference has the group '${group}'`);
  }
  // Scalar draws a group when it is opened; the operation's request and answer examples come from the schemas.
  await page.getByRole('button', { name: 'Determinations' }).first().click();
  await page.getByText('Determine one transaction').first().click();
  await waitForText(page, 'body', '"jurisdictions"', 30000);
  const text = await page.locator('body').innerText();
  for (const field of ['"ruleVersions"', '"listVersions"', '"findings"', '"activity"', '"parties"']) {
    check(text.includes(field), `the determination's examples show ${field}`);
  }
  await shot('determinations');
});
