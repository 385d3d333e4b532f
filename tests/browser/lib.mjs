// Shared by the page scripts: starts Debian's chromium through playwright-core with a fresh profile, signs in
// with the key the test gives, fails on any uncaught page error, and leaves a screenshot of the last state
// (also when the script fails) in RETICLE_SCREENSHOTS. A script exits 0 only if every check held.
import { chromium } from 'playwright-core';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.RETICLE_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export class CheckFailed extends Error {}

/** Fails the script with a message saying what was expected and what was found. */
export function check(condition, message) {
  if (!condition) throw new CheckFailed(message);
}

/** The visible text of the first element matching `selector`, once it is visible. */
export async function textOf(page, selector) {
  const locator = page.locator(selector).first();
  await locator.waitFor({ state: 'visible' });
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/** Waits until `selector`'s text contains `expected` (a string or RegExp), failing with what it did contain. */
export async function waitForText(page, selector, expected, timeout = 15000) {
  const matches = text => (expected instanceof RegExp ? expected.test(text) : text.includes(expected));
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    const locator = page.locator(selector).first();
    if (await locator.count() > 0 && await locator.isVisible()) {
      last = (await locator.innerText()).replace(/\s+/g, ' ').trim();
      if (matches(last)) return last;
    }
    await page.waitForTimeout(100);
  }
  // Say what the page shows instead, e.g. the problem details of a refused call.
  const alerts = (await page.locator('[role=alert]').allInnerTexts()).map(t => t.replace(/\s+/g, ' ').trim());
  throw new CheckFailed(`expected ${selector} to contain ${expected}, found: ${last.slice(0, 500) || '(nothing visible)'}`
    + (alerts.length ? `; the page shows: ${alerts.join(' | ')}` : ''));
}

/** Opens the console, pastes the key, and waits until the header names the caller's role. */
export async function signIn(page, url, key, role) {
  await page.goto(url);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await waitForText(page, '#who', `role: ${role}`);
}

/**
 * Runs one page's script: `body({ page, url, key, role, shot })`. Environment: RETICLE_URL, RETICLE_KEY,
 * RETICLE_ROLE, RETICLE_SCREENSHOTS (folder).
 */
export async function run(name, body) {
  const url = process.env.RETICLE_URL;
  const key = process.env.RETICLE_KEY;
  const role = process.env.RETICLE_ROLE;
  const shots = process.env.RETICLE_SCREENSHOTS ?? join(process.cwd(), 'test-results', 'screenshots');
  if (!url || !key || !role) {
    console.error(`${name}: RETICLE_URL, RETICLE_KEY and RETICLE_ROLE must be set`);
    process.exit(2);
  }
  await mkdir(shots, { recursive: true });
  const profile = await mkdtemp(join(tmpdir(), 'reticle-chromium-'));
  let context;
  const errors = [];
  let page;
  let failed = false;
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 } });
    page = context.pages()[0] ?? await context.newPage();
    page.setDefaultTimeout(15000);
    page.on('pageerror', e => errors.push(`uncaught error in the page: ${e.message}`));
    page.on('console', m => {
      // The browser logs refused requests itself ("Failed to load resource: ... 401"); the pages show those, so only scripts' own errors count.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console error: ${m.text()}`);
    });
    const shot = async step => page.screenshot({ path: join(shots, `${name}-${step}.png`), fullPage: true });
    await body({ page, url, key, role, shot });
    check(errors.length === 0, errors.join('\n'));
  } catch (e) {
    failed = true;
    console.error(`${name}: ${e instanceof CheckFailed ? '' : 'error: '}${e.message}`);
    if (errors.length) console.error(errors.join('\n'));
    if (page) await page.screenshot({ path: join(shots, `${name}-failure.png`), fullPage: true }).catch(() => {});
  } finally {
    await context?.close().catch(() => {});
    await rm(profile, { recursive: true, force: true }).catch(() => {});
  }
  if (failed) process.exit(1);
  console.log(`${name}: ok`);
}
