// Impact: two dates of knowledge → POST /impact → the open orders whose outcome changes between them, and why (CONTRACT §6).
import { h, mount, field, outcome, money } from '../dom.js';
import { post, problemView } from '../api.js';
import { today, addDays } from '../timescale.js';

export const title = 'Impact between two dates';

function jurisdictionChanges(before, after) {
  const was = new Map(before.jurisdictions.map(j => [j.jurisdiction, j]));
  return after.jurisdictions
    .filter(j => was.get(j.jurisdiction)?.outcome !== j.outcome)
    .map(j => h('li', {}, `${j.jurisdiction}: `, outcome(was.get(j.jurisdiction)?.outcome ?? 'none'), ' → ', outcome(j.outcome)));
}

/** The report's value at stake, one amount per currency. */
export function stake(values, withoutValue) {
  const amounts = values.length ? values.map(money).join(', ') : 'none';
  return `Value at stake: ${amounts}${withoutValue ? ` (and ${withoutValue} order${withoutValue === 1 ? '' : 's'} stating no value)` : ''}.`;
}

export function change(c) {
  const kind = !c.material ? ' (not material)' : c.worse ? ' (worse)' : '';
  return h('li', { class: `card change${c.material ? '' : ' immaterial'}`, dataset: { transaction: c.transaction } },
    h('h3', {}, `${c.transaction} on ${c.date}${c.value ? ` [${money(c.value)}]` : ''}: `, outcome(c.before.outcome), ' → ', outcome(c.after.outcome), kind),
    h('p', { class: 'label' }, 'Because'),
    h('ul', {}, c.because.map(b => h('li', {}, b))),
    h('p', { class: 'label' }, 'Per jurisdiction'),
    h('ul', {}, jurisdictionChanges(c.before, c.after)));
}

export async function render(container) {
  const knownAt = h('input', { type: 'date', id: 'impact-known-at', required: true, value: addDays(today(), -30) });
  const vs = h('input', { type: 'date', id: 'impact-vs', required: true, value: today() });
  const all = h('input', { type: 'checkbox', id: 'impact-all' });
  const result = h('div', { 'aria-live': 'polite', id: 'impact-result' });
  const form = h('form', { class: 'card', 'aria-label': 'Dates to compare' },
    h('p', {}, 'Every open order is decided on its own date twice: with what was known (rules published, licence events announced, lists imported) on the first date and on the second.'),
    h('div', { class: 'grid' }, field('Known at', knownAt), field('Compared with', vs),
      field('List orders only reached or no longer reached (not-applicable ↔ permitted)', all)),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Compare')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    mount(result, h('p', {}, 'Re-deciding the open orders…'));
    try {
      const r = await post('/impact', { knownAt: knownAt.value, vs: vs.value, all: all.checked });
      mount(result,
        h('p', { class: 'summary' }, `Knowledge of ${r.knownAt} vs ${r.vs}: ${r.evaluated} open order${r.evaluated === 1 ? '' : 's'} evaluated, ${r.unchanged} unchanged, ${r.evaluated - r.unchanged} changed materially, ${r.immaterial} only reached or no longer reached.`),
        h('p', { class: 'stake' }, stake(r.valueAtStake, r.worseWithoutValue)),
        r.changes.length ? h('ol', { class: 'changes' }, r.changes.map(change)) : h('p', {}, 'No outcome changes.'));
    } catch (error) {
      mount(result, problemView(error));
    }
  });
  mount(container, form, result);
}
