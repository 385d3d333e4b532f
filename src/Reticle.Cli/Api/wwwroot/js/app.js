// The console's shell: login with an API key, hash routes to one module per page, and focus moved to
// the page's heading after each navigation so keyboard and screen-reader users land on the new content.
import { h, mount } from './dom.js';
import { api, session, onUnauthorized, problemView } from './api.js';
import * as check from './pages/check.js';
import * as screen from './pages/screen.js';
import * as owners from './pages/owners.js';
import * as lists from './pages/lists.js';
import * as licenses from './pages/licenses.js';
import * as holds from './pages/holds.js';
import * as impact from './pages/impact.js';
import * as rules from './pages/rules.js';
import * as whatif from './pages/whatif.js';
import * as jobs from './pages/jobs.js';

const pages = { check, screen, owners, lists, licenses, holds, impact, whatif, jobs, rules };
const main = document.getElementById('main');
const nav = document.getElementById('nav');
const sessionBox = document.getElementById('session');
const who = document.getElementById('who');
let me = null;

function showSignedIn(signedIn) {
  nav.hidden = !signedIn;
  sessionBox.hidden = !signedIn;
  who.textContent = signedIn && me ? `${me.name} (role: ${me.role})` : '';
}

function heading(text) {
  return h('h1', { tabindex: '-1' }, text);
}

function loginPage(message) {
  const key = h('input', { id: 'api-key', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' });
  const status = h('div', { 'aria-live': 'polite' }, message ?? null);
  const form = h('form', { class: 'card narrow', 'aria-labelledby': 'login-title' },
    h('label', { for: 'api-key' }, 'API key'),
    key,
    h('small', {}, 'Create one with ', h('code', {}, 'reticle keys create --name NAME --role analyst'), '; the key is the last line it prints. It is kept for this browser tab only.'),
    h('button', { type: 'submit' }, 'Sign in'),
    status);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    mount(status, h('p', {}, 'Checking the key…'));
    try {
      me = await api('GET', '/me', undefined, key.value.trim());
      session.key = key.value.trim();
      showSignedIn(true);
      if (!location.hash || location.hash === '#/login') location.hash = '#/check'; else route();
    } catch (error) {
      mount(status, problemView(error));
      key.focus();
    }
  });
  mount(main, h('h1', { id: 'login-title', tabindex: '-1' }, 'Sign in'), form);
  key.focus();
}

async function route() {
  if (!session.key) { showSignedIn(false); loginPage(); return; }
  if (!me) {
    try {
      me = await api('GET', '/me');
    } catch (error) {
      session.key = null;
      showSignedIn(false);
      loginPage(problemView(error));
      return;
    }
  }
  showSignedIn(true);
  const [name, ...rest] = (location.hash.replace(/^#\/?/, '') || 'check').split('/');
  const page = pages[name] ?? check;
  for (const link of nav.querySelectorAll('a')) {
    if (link.getAttribute('href') === `#/${name}`) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  const title = heading(page.title);
  const body = h('div', { class: 'page' });
  mount(main, title, body);
  document.title = `${page.title} · Reticle`;
  title.focus();
  try {
    await page.render(body, rest.map(decodeURIComponent), { me });
  } catch (error) {
    body.append(problemView(error));
  }
}

onUnauthorized(() => {
  session.key = null;
  me = null;
  showSignedIn(false);
  loginPage(h('p', { class: 'problem', role: 'alert' }, 'The server no longer accepts this API key. Sign in again.'));
});

document.getElementById('logout').addEventListener('click', () => {
  session.key = null;
  me = null;
  location.hash = '#/login';
  route();
});

window.addEventListener('hashchange', route);
route();
