// Jobs: submit a batch screening (a CSV) or an impact analysis as a durable job, follow every job's progress live,
// and download a completed job's results (JSON Lines, in input order) with the digest that seals them (CONTRACT §8).
import { h, mount, field, formatNumber } from '../dom.js';
import { api, get, post, session, problemView, ApiError } from '../api.js';
import { today, addDays } from '../timescale.js';

export const title = 'Jobs';

const ENDED = new Set(['completed', 'failed', 'cancelled']);

async function submitForm(form) {
  // multipart/form-data: api() sends JSON only, so this one call builds its request itself.
  const response = await fetch('/api/v1/jobs', { method: 'POST', headers: { Authorization: `Bearer ${session.key}`, Accept: 'application/json' }, body: form });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

async function download(job, link) {
  // The results need the key, so they are fetched here and handed to the browser as a file.
  const response = await fetch(`/api/v1/jobs/${encodeURIComponent(job.id)}/results`, { headers: { Authorization: `Bearer ${session.key}` } });
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  const blob = await response.blob();
  const a = h('a', { href: URL.createObjectURL(blob), download: `${job.id}.jsonl` });
  document.body.append(a);
  a.click();
  a.remove();
  link.textContent = `Downloaded ${job.id}.jsonl`;
}

function row(job, me, refresh) {
  const percent = job.total > 0 ? Math.floor((100 * job.done) / job.total) : (job.status === 'completed' ? 100 : 0);
  const bar = h('progress', { max: Math.max(job.total, 1), value: job.total > 0 ? job.done : (job.status === 'completed' ? 1 : 0),
    'aria-label': `Progress of ${job.id}`, 'aria-valuetext': `${percent}% (${formatNumber(job.done)} of ${formatNumber(job.total)})` });
  const actions = h('div', { class: 'actions' });
  if (job.status === 'completed') {
    const link = h('button', { type: 'button' }, 'Download results');
    link.addEventListener('click', () => download(job, link).catch(e => actions.append(problemView(e))));
    actions.append(link);
  } else if (!ENDED.has(job.status) && ['analyst', 'reviewer', 'admin'].includes(me.role)) {
    const cancel = h('button', { type: 'button' }, 'Cancel');
    cancel.addEventListener('click', async () => {
      try { await post(`/jobs/${encodeURIComponent(job.id)}/cancel`); refresh(); } catch (e) { actions.append(problemView(e)); }
    });
    actions.append(cancel);
  }
  return h('li', { class: 'card job', dataset: { job: job.id, kind: job.kind, status: job.status } },
    h('h3', {}, `${job.kind} `, h('code', {}, job.id), `: ${job.status}`),
    h('p', {}, bar, ` ${formatNumber(job.done)} of ${formatNumber(job.total)} (${percent}%)`, job.failed ? `, ${formatNumber(job.failed)} failed` : ''),
    h('p', { class: 'label' }, `Submitted ${job.submittedAt}`, job.completedAt ? `, ended ${job.completedAt}` : ''),
    job.resultDigest ? h('p', {}, 'Result digest ', h('code', {}, job.resultDigest), ` sealed by audit record ${job.auditRecord}`) : null,
    actions);
}

export async function render(container, _rest, { me }) {
  const list = h('ol', { class: 'jobs', id: 'jobs-list', 'aria-live': 'polite' });
  const status = h('div', { 'aria-live': 'polite', id: 'jobs-status' });
  let timer = null;

  async function refresh() {
    clearTimeout(timer);
    if (!list.isConnected && timer !== null) return;
    try {
      const jobs = await get('/jobs');
      mount(list, jobs.length ? jobs.map(j => row(j, me, refresh)) : h('li', {}, 'No jobs yet.'));
      // Live while anything is still queued or running; the page stops polling once it is left.
      if (jobs.some(j => !ENDED.has(j.status))) timer = setTimeout(() => { if (list.isConnected) refresh(); }, 1000);
    } catch (error) {
      mount(status, problemView(error));
    }
  }

  const forms = [];
  if (['analyst', 'reviewer', 'admin'].includes(me.role)) {
    const file = h('input', { type: 'file', id: 'jobs-csv', accept: '.csv,text/csv', required: true });
    const threshold = h('input', { type: 'number', id: 'jobs-threshold', min: '0', max: '1', step: '0.01' });
    const screening = h('form', { class: 'card', 'aria-label': 'Batch screening job' },
      h('h2', {}, 'Batch screening'),
      h('div', { class: 'grid' }, field('CSV of parties', file, 'Header row; columns id,name, optional country,type'), field('Threshold', threshold, 'Optional, 0..1')),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Submit screening')));
    screening.addEventListener('submit', async event => {
      event.preventDefault();
      const form = new FormData();
      form.append('kind', 'screening');
      if (threshold.value) form.append('threshold', threshold.value);
      form.append('file', file.files[0]);
      try { const job = await submitForm(form); mount(status, h('p', {}, `Submitted ${job.id}.`)); refresh(); } catch (error) { mount(status, problemView(error)); }
    });
    const knownAt = h('input', { type: 'date', id: 'jobs-known-at', required: true, value: addDays(today(), -30) });
    const vs = h('input', { type: 'date', id: 'jobs-vs', required: true, value: today() });
    const impact = h('form', { class: 'card', 'aria-label': 'Impact job' },
      h('h2', {}, 'Impact over all open orders'),
      h('div', { class: 'grid' }, field('Known at', knownAt), field('Compared with', vs)),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Submit impact')));
    impact.addEventListener('submit', async event => {
      event.preventDefault();
      try {
        const job = await api('POST', '/jobs', { kind: 'impact', knownAt: knownAt.value, vs: vs.value });
        mount(status, h('p', {}, `Submitted ${job.id}.`));
        refresh();
      } catch (error) { mount(status, problemView(error)); }
    });
    forms.push(h('div', { class: 'grid' }, screening, impact));
  }
  mount(container, ...forms, status, h('h2', {}, 'All jobs'), list);
  await refresh();
}
