// Screen: one name (with country and type) → POST /screenings → hits with why each matched (CONTRACT §4).
import { h, mount, field } from '../dom.js';
import { post, problemView } from '../api.js';

export const title = 'Screen a name';

function hit(x, i) {
  return h('li', { class: 'card hit' },
    h('h3', {}, `${i + 1}. ${x.name}`),
    h('p', {}, h('span', { class: 'label' }, 'List: '), x.list, x.listCode ? ` (${x.listCode})` : ''),
    h('p', {}, h('span', { class: 'label' }, 'Matched name: '), x.matchedName, ' · ', h('span', { class: 'label' }, 'score '), h('strong', {}, x.score.toFixed(3))),
    x.countries?.length ? h('p', {}, h('span', { class: 'label' }, 'Countries: '), x.countries.join(', ')) : null,
    x.programs?.length ? h('p', {}, h('span', { class: 'label' }, 'Programs: '), x.programs.join(', ')) : null,
    x.licenseRequirement ? h('p', {}, h('span', { class: 'label' }, 'Licence requirement: '), x.licenseRequirement) : null,
    x.licensePolicy ? h('p', {}, h('span', { class: 'label' }, 'Licence policy: '), x.licensePolicy) : null,
    x.footnotes?.length ? h('p', {}, h('span', { class: 'label' }, 'Footnotes: '), x.footnotes.join(', ')) : null,
    h('h4', {}, 'Why it matched'),
    h('ol', { class: 'explanation' }, (x.explanation ?? []).map(e => h('li', {}, e))));
}

export async function render(container) {
  const result = h('div', { 'aria-live': 'polite', id: 'screen-result' });
  const name = h('input', { id: 'screen-name', name: 'name', required: true, maxlength: 1000 });
  const country = h('input', { id: 'screen-country', name: 'country', maxlength: 2, size: 3 });
  const type = h('select', { id: 'screen-type', name: 'type' }, ['', 'entity', 'individual', 'vessel', 'aircraft'].map(t => h('option', { value: t }, t || '(any)')));
  const form = h('form', { class: 'card', 'aria-label': 'Screening query' },
    h('div', { class: 'grid' }, field('Name', name), field('Country', country, 'ISO code; a match in the same country scores a little higher'), field('Type', type)),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Screen')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = { name: name.value.trim() };
    if (country.value.trim()) body.country = country.value.trim().toUpperCase();
    if (type.value) body.type = type.value;
    mount(result, h('p', {}, 'Screening…'));
    try {
      const r = await post('/screenings', body);
      mount(result,
        h('p', { class: 'summary' }, r.hits.length ? `${r.hits.length} hit${r.hits.length === 1 ? '' : 's'} at or above ${r.threshold}` : `No hit at or above ${r.threshold}: no alert.`),
        (r.ownership ?? []).map(o => h('section', { class: 'card ownership-alert', 'aria-label': 'Ownership' },
          h('h2', {}, `${o.rule}: ${o.status === 'owned' ? 'owned 50 % or more by listed parties' : 'possibly owned 50 % or more by listed parties'}`),
          h('p', { class: 'because' }, o.because),
          h('a', { href: `#/owners/${encodeURIComponent(body.name)}/${encodeURIComponent(body.country ?? '')}` }, 'Ownership picture'))),
        h('ol', { class: 'hits' }, r.hits.map(hit)));
    } catch (error) {
      mount(result, problemView(error));
    }
  });
  mount(container, form, result);
  name.focus();
}
