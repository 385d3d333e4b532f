// A key the server does not know: the console says so, stores nothing, and shows no page behind the login.
import { run, check, waitForText } from './lib.mjs';

await run('login-bad-key', async ({ page, url, shot }) => {
  await page.goto(url);
  await page.getByLabel('API key').fill('not-a-real-key');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = await waitForText(page, '[role=alert]', 'the API key was refused');
  check(alert.includes('HTTP 401'), `expected the status in the message, got: ${alert}`);
  check(alert.includes('The API key is not known'), `expected the server's detail in the message, got: ${alert}`);
  check(await page.locator('#nav').isHidden(), 'the page navigation must stay hidden without a valid key');
  check(await page.evaluate(() => sessionStorage.getItem('reticle.apiKey')) === null, 'a refused key must not be stored');
  await shot('refused');
});
