// Check: the README's sample transaction entered through the form is LICENSE-REQUIRED under the Dutch rule,
// with its citation, the thresholds compared and the SMIC screening hit; bad JSON gives the problem's field.
import { run, check, signIn, waitForText, textOf } from './lib.mjs';

await run('check', async ({ page, url, key, role, shot }) => {
  await signIn(page, url, key, role);
  await waitForText(page, 'h1', 'Check a transaction');
  await page.getByRole('button', { name: /Fill in an example/ }).click();
  check(await page.getByLabel('Dedicated chuck overlay (nm)').inputValue() === '1.1', 'the example fills the overlay field');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const heading = await waitForText(page, '.determination h2', 'SO-2023-0915 on 2023-09-15');
  check(heading.includes('license-required'), `overall outcome: ${heading}`);
  const nl = await textOf(page, '[data-jurisdiction=NL]');
  check(nl.startsWith('NL: license-required'), `NL outcome: ${nl.slice(0, 80)}`);
  check(nl.includes('Citation: Regeling geavanceerde productieapparatuur voor halfgeleiders'), 'NL finding cites the Dutch Regeling');
  check(nl.includes('DCO 1.1 nm <= 1.50 nm'), 'NL finding shows the overlay threshold compared');
  const eu = await textOf(page, '[data-jurisdiction=EU]');
  check(eu.startsWith('EU: permitted'), `EU outcome: ${eu.slice(0, 80)}`);
  const hits = await textOf(page, '.determination table');
  check(hits.includes('Entity List') && hits.includes('Semiconductor Manufacturing International (Beijing) Corporation'), 'the end user is screened against the Entity List');
  await shot('license-required');

  await page.getByText('Or paste a transaction as JSON').click();
  await page.getByLabel(/Transaction JSON/).fill('{"id": "BAD-1", "date": "2024-02-30"}');
  await page.getByRole('button', { name: 'Check JSON' }).click();
  const problem = await waitForText(page, '#check-result [role=alert]', 'HTTP 400');
  check(problem.includes('body.date'), `the problem names the field: ${problem}`);
  await shot('rejected');
});
