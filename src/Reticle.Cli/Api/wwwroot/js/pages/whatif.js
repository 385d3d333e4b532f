// What-if: draft rule packs → POST /whatif (multipart) → the open orders the drafts would change, why, the value at
// stake, and a chart of the value held per month before and with the drafts (CONTRACT §9).
import { h, s, mount, field, money, formatNumber } from '../dom.js';
import { api, problemView } from '../api.js';
import { change, stake } from './impact.js';
import { setDrafts, draftForm } from '../drafts.js';

export const title = 'What-if with draft rules';

function amount(values, currency) {
  return values.find(v => v.currency === currency)?.amount ?? 0;
}

/** One bar pair per month and currency: value held (cannot go ahead as it stands) before and with the drafts. */
export function chart(byMonth) {
  const currencies = [...new Set(byMonth.flatMap(m => [...m.heldBefore, ...m.heldAfter].map(v => v.currency)))].sort();
  if (!currencies.length) return h('p', {}, 'No changed order states a value.');
  return currencies.map(currency => {
    const rows = byMonth.map(m => ({ month: m.month, before: amount(m.heldBefore, currency), after: amount(m.heldAfter, currency), stake: amount(m.valueAtStake, currency) }));
    const max = Math.max(1, ...rows.flatMap(r => [r.before, r.after]));
    const W = 720, left = 70, barW = 18, gap = 26, H = 220, top = 20, bottom = H - 40;
    const y = v => bottom - (v / max) * (bottom - top);
    const parts = rows.map((r, i) => {
      const x = left + i * (2 * barW + gap);
      return s('g', { class: 'month', dataset: { month: r.month } },
        s('rect', { class: 'stake-before', x, y: y(r.before), width: barW, height: bottom - y(r.before) },
          s('title', {}, `${r.month}: held before ${formatNumber(r.before)} ${currency}`)),
        s('rect', { class: 'stake-after', x: x + barW, y: y(r.after), width: barW, height: bottom - y(r.after) },
          s('title', {}, `${r.month}: held with the drafts ${formatNumber(r.after)} ${currency}; at stake ${formatNumber(r.stake)} ${currency}`)),
        s('text', { class: 'stake-label', x: x + barW, y: bottom + 16, 'text-anchor': 'middle' }, r.month));
    });
    const width = Math.max(W, left + rows.length * (2 * barW + gap));
    return h('figure', { class: 'card' },
      s('svg', { viewBox: `0 0 ${width} ${H}`, class: 'stake-chart', role: 'img', 'aria-labelledby': `stake-${currency}`, 'data-testid': `stake-chart-${currency}` },
        s('title', { id: `stake-${currency}` }, `Value held per month in ${currency}, before and with the drafts`),
        s('line', { x1: left - 4, x2: width - 10, y1: bottom, y2: bottom, class: 'separator' }),
        s('text', { class: 'stake-label', x: 4, y: top + 4 }, `${formatNumber(max)}`),
        s('text', { class: 'stake-label', x: 4, y: bottom }, '0'),
        parts),
      h('figcaption', {}, `Value (${currency}) of the changed orders that cannot go ahead as they stand, per month of their planned date: before (blue) and with the drafts in force (red).`),
      h('table', {}, h('caption', {}, `The same in figures (${currency})`),
        h('thead', {}, h('tr', {}, ['Month', 'Held before', 'Held with the drafts', 'At stake'].map(c => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, rows.map(r => h('tr', {}, h('th', { scope: 'row' }, r.month), h('td', {}, formatNumber(r.before)), h('td', {}, formatNumber(r.after)), h('td', {}, formatNumber(r.stake)))))));
  });
}

function totals(label, key, groups) {
  if (!groups.length) return null;
  return h('table', { class: 'totals', dataset: { group: key } },
    h('caption', {}, label),
    h('thead', {}, h('tr', {}, [key, 'Changed', 'Worse', 'At stake', 'Held before', 'Held after'].map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, groups.map(g => h('tr', {}, h('th', { scope: 'row' }, g[key]), h('td', {}, g.orders), h('td', {}, g.worse),
      h('td', {}, g.valueAtStake.map(money).join(', ') || '—'), h('td', {}, g.heldBefore.map(money).join(', ') || '—'), h('td', {}, g.heldAfter.map(money).join(', ') || '—')))));
}

export async function render(container) {
  const files = h('input', { type: 'file', id: 'whatif-files', multiple: true, accept: '.yaml,.yml', required: true });
  const knownAt = h('input', { type: 'date', id: 'whatif-known-at' });
  const all = h('input', { type: 'checkbox', id: 'whatif-all' });
  const result = h('div', { 'aria-live': 'polite', id: 'whatif-result' });
  const form = h('form', { class: 'card', 'aria-label': 'Draft rule packs' },
    h('p', {}, 'Every open order is decided on its own date twice: with the rule packs in use, and with those plus the draft packs you choose. Drafts are checked with the packs in use, never put in force and never stored as decisions; the run is recorded in the audit log with each draft\'s hash.'),
    h('div', { class: 'grid' },
      field('Draft rule packs (YAML)', files, 'A draft may add a jurisdiction or supersede a pack in use; content/drafts/ has samples.'),
      field('Packs known at (optional)', knownAt),
      field('List orders only reached (not-applicable ↔ permitted)', all)),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Run what-if')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const chosen = [...files.files];
    mount(result, h('p', {}, 'Re-deciding the open orders with and without the drafts…'));
    try {
      const r = await api('POST', '/whatif', draftForm(chosen, { knownAt: knownAt.value, all: all.checked ? 'true' : '' }));
      setDrafts(chosen);
      mount(result,
        h('p', { class: 'summary' }, `${r.evaluated} open order${r.evaluated === 1 ? '' : 's'} evaluated, ${r.evaluated - r.unchanged} changed materially, ${r.unchanged} unchanged, ${r.immaterial} only reached.`),
        h('p', { class: 'stake' }, stake(r.valueAtStake, r.worseWithoutValue)),
        h('ul', { class: 'drafts' }, r.drafts.map(d => h('li', {}, h('code', {}, d.pack), ` (${d.jurisdiction}${d.supersedes.length ? `, supersedes ${d.supersedes.join(', ')}` : ''}) ${d.file} sha256:${d.sha256.slice(0, 12)}…`))),
        h('p', {}, `Recorded as audit record ${r.auditRecord}. `, h('a', { href: '#/rules' }, 'See the drafts in Rules over time'), '.'),
        chart(r.totals.byMonth),
        r.changes.length ? h('ol', { class: 'changes' }, r.changes.map(change)) : h('p', {}, 'The drafts change no open order.'),
        h('details', { class: 'card' }, h('summary', {}, 'Totals by jurisdiction, customer, item and month'),
          totals('By jurisdiction', 'jurisdiction', r.totals.byJurisdiction), totals('By customer', 'customer', r.totals.byCustomer),
          totals('By item', 'item', r.totals.byItem), totals('By month', 'month', r.totals.byMonth)));
    } catch (error) {
      mount(result, problemView(error));
    }
  });
  mount(container, form, result);
}
