// Holds: the queue (GET /holds), a release form per held order (POST /holds/{id}/release), and the history
// of releases, including those that lapsed because rules, lists or licences changed since.
import { h, mount, field } from '../dom.js';
import { get, post, problemView } from '../api.js';

export const title = 'Holds';

const REASON_CODES = ['license-outside-system', 'screening-cleared', 'classification-confirmed', 'not-an-export'];

function status(hold) {
  if (hold.status === 'released' && hold.releaseStands === false) return 'released, lapsed (rules, lists or licences changed since)';
  return hold.status;
}

function releaseForm(hold, done) {
  const code = h('input', { name: 'reasonCode', id: `code-${hold.id}`, required: true, list: 'reason-codes' });
  const text = h('textarea', { name: 'text', id: `text-${hold.id}`, required: true, rows: 2 });
  const message = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'release', 'aria-label': `Release hold ${hold.id}` },
    field('Reason code', code), field('Explanation', text),
    h('button', { type: 'submit' }, `Release hold ${hold.id}`), message);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      await post(`/holds/${hold.id}/release`, { reasonCode: code.value.trim(), text: text.value.trim() });
      await done(`Hold ${hold.id} on ${hold.order} released.`);
    } catch (error) {
      mount(message, problemView(error));
    }
  });
  return form;
}

export async function render(container) {
  const notice = h('div', { 'aria-live': 'polite', id: 'holds-notice' });
  const body = h('div');
  async function load(message) {
    const holds = await get('/holds');
    const held = holds.filter(x => x.status === 'held');
    const history = holds.filter(x => x.status !== 'held');
    mount(notice, message ? h('p', { class: 'ok', role: 'status' }, message) : null);
    mount(body,
      h('h2', {}, `Held (${held.length})`),
      held.length ? held.map(x => h('section', { class: 'card', 'aria-label': `Hold ${x.id}`, dataset: { hold: x.id } },
        h('h3', {}, `Hold ${x.id}: order ${x.order}`),
        h('p', {}, h('span', { class: 'label' }, 'Outcome: '), x.outcome, ' · ', h('span', { class: 'label' }, 'why: '), x.reason),
        h('p', { class: 'muted' }, `Requested by ${x.requestedBy}, placed ${x.placedAt}. The releaser must be someone else (four eyes).`),
        releaseForm(x, load))) : h('p', {}, 'Nothing is held.'),
      h('h2', {}, 'History'),
      history.length ? h('table', {},
        h('caption', {}, 'Released and lapsed holds'),
        h('thead', {}, h('tr', {}, ['Hold', 'Order', 'Status', 'Outcome', 'Requested by', 'Released by', 'Reason code', 'Explanation'].map(c => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, history.map(x => h('tr', { dataset: { hold: x.id } },
          h('th', { scope: 'row' }, String(x.id)), h('td', {}, x.order), h('td', {}, status(x)), h('td', {}, x.outcome),
          h('td', {}, x.requestedBy), h('td', {}, x.releasedBy ?? '—'), h('td', {}, x.reasonCode ?? '—'), h('td', {}, x.text ?? '—'))))) : h('p', {}, 'No releases yet.'));
  }
  mount(container, h('datalist', { id: 'reason-codes' }, REASON_CODES.map(c => h('option', { value: c }))), notice, body);
  await load();
}
