// One place for calls to /api/v1: the key from sessionStorage as a bearer token, JSON in and out,
// and RFC 9457 problem details turned into an error the pages can show.
import { h } from './dom.js';

const KEY = 'reticle.apiKey';

export const session = {
  get key() { return sessionStorage.getItem(KEY); },
  set key(value) { if (value) sessionStorage.setItem(KEY, value); else sessionStorage.removeItem(KEY); },
};

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

/** Listeners told when the server refuses the key (401), so the app can return to the login page. */
const unauthorized = new Set();
export function onUnauthorized(listener) { unauthorized.add(listener); }

export async function api(method, path, body, key = session.key) {
  const headers = { Accept: 'application/json' };
  if (key) headers.Authorization = `Bearer ${key}`;
  // A FormData body (draft files) sets its own multipart type and boundary.
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(`/api/v1${path}`, { method, headers, body: body === undefined || form ? body : (typeof body === 'string' ? body : JSON.stringify(body)) });
  } catch (e) {
    throw new ApiError(0, { title: 'The server cannot be reached', detail: String(e.message || e) });
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!response.ok) {
    const error = new ApiError(response.status, json ?? { title: `HTTP ${response.status}`, detail: text.slice(0, 300) });
    if (response.status === 401 && key === session.key) unauthorized.forEach(l => l(error));
    throw error;
  }
  return json;
}

export const get = path => api('GET', path);
export const post = (path, body) => api('POST', path, body);

/** What a person needs to read from an error: a title, the detail, and each error's place. */
export function problemView(error) {
  const p = error instanceof ApiError ? error.problem : { title: 'Something went wrong', detail: String(error?.message ?? error) };
  const status = error instanceof ApiError ? error.status : 0;
  const title = status === 401 ? 'Not signed in: the API key was refused'
    : status === 403 ? 'Not allowed for this key\'s role'
    : status === 404 ? 'Not found (this server may not offer this call yet)'
    : p.title || 'The request failed';
  const errors = Array.isArray(p.errors) ? p.errors : [];
  return h('div', { class: 'problem', role: 'alert' },
    h('p', { class: 'problem-title' }, title, status ? ` (HTTP ${status})` : ''),
    p.detail && p.detail !== title ? h('p', {}, p.detail) : null,
    errors.length ? h('ul', {}, errors.map(e => h('li', {}, h('code', {}, e.where), ': ', e.message))) : null);
}
