// Check: one transaction (CONTRACT §2) from a form or pasted JSON → POST /determinations → the decision.
import { h, mount, field } from '../dom.js';
import { post, problemView } from '../api.js';
import { determinationView } from '../determination.js';

export const title = 'Check a transaction';

// Filled in by the "example" button: the README's main case, so a first-time user sees a full answer.
const EXAMPLE = {
  id: 'SO-2023-0915', date: '2023-09-15', activity: 'export', from: 'NL', to: 'CN',
  sku: 'NXT:2050i', description: 'ArF immersion step-and-scan lithography system', origin: 'NL',
  kind: 'lithography', wavelengthNm: '193', numericalAperture: '1.35', dedicatedChuckOverlayNm: '1.1',
  usControlledContentPercent: '8.5', quantity: '1', amount: '65000000', currency: 'EUR',
  endUserName: 'Semiconductor Manufacturing International (Beijing) Corporation', endUserCountry: 'CN',
  advancedNodeFacility: 'unknown',
};

const ACTIVITIES = ['export', 'reexport', 'transfer', 'service', 'spare-parts', 'software', 'technology'];

function input(name, attrs = {}) {
  return h('input', { name, id: `check-${name}`, ...attrs });
}

function select(name, options, attrs = {}) {
  return h('select', { name, id: `check-${name}`, ...attrs }, options.map(o => h('option', { value: o }, o || '(not given)')));
}

function number(value) {
  return value === '' ? undefined : Number(value);
}

/** The transaction the form describes; empty fields are left out, so the engine can say what is missing. */
function transactionFrom(form) {
  const v = name => form.elements[name].value.trim();
  const parameters = {};
  if (v('kind')) parameters.kind = v('kind');
  for (const p of ['wavelengthNm', 'numericalAperture', 'dedicatedChuckOverlayNm']) if (v(p)) parameters[p] = number(v(p));
  const item = {};
  if (v('sku')) item.sku = v('sku');
  if (v('description')) item.description = v('description');
  if (v('origin')) item.origin = v('origin').toUpperCase();
  if (Object.keys(parameters).length) item.parameters = parameters;
  if (v('usControlledContentPercent')) item.usControlledContentPercent = number(v('usControlledContentPercent'));
  const parties = [];
  if (v('endUserName')) parties.push({ role: 'end-user', name: v('endUserName'), country: v('endUserCountry').toUpperCase() || undefined });
  if (v('consigneeName')) parties.push({ role: 'consignee', name: v('consigneeName'), country: v('consigneeCountry').toUpperCase() || undefined });
  const t = { id: v('id'), date: v('date'), activity: v('activity'), from: v('from').toUpperCase(), to: v('to').toUpperCase(), item };
  if (v('quantity')) t.quantity = number(v('quantity'));
  if (v('amount')) t.value = { amount: number(v('amount')), currency: v('currency').toUpperCase() || 'EUR' };
  if (parties.length) t.parties = parties;
  if (v('advancedNodeFacility')) t.endUse = { advancedNodeFacility: v('advancedNodeFacility') };
  return t;
}

export async function render(container) {
  const result = h('div', { 'aria-live': 'polite', id: 'check-result' });
  const form = h('form', { class: 'card', 'aria-label': 'Transaction' },
    h('fieldset', {}, h('legend', {}, 'Act'),
      h('div', { class: 'grid' },
        field('Transaction id', input('id', { required: true })),
        field('Date', input('date', { type: 'date', required: true })),
        field('Activity', select('activity', ACTIVITIES)),
        field('From (country)', input('from', { required: true, maxlength: 2, size: 3, pattern: '[A-Za-z]{2}' }), 'ISO code, e.g. NL'),
        field('To (country)', input('to', { required: true, maxlength: 2, size: 3, pattern: '[A-Za-z]{2}' }), 'ISO code, e.g. CN'))),
    h('fieldset', {}, h('legend', {}, 'Item'),
      h('div', { class: 'grid' },
        field('SKU', input('sku'), 'Looked up in the catalogue'),
        field('Description', input('description')),
        field('Origin (country)', input('origin', { maxlength: 2, size: 3 })),
        field('Kind', input('kind', { list: 'kinds' })),
        field('Wavelength (nm)', input('wavelengthNm', { type: 'number', step: 'any', min: 0 })),
        field('Numerical aperture', input('numericalAperture', { type: 'number', step: 'any', min: 0 })),
        field('Dedicated chuck overlay (nm)', input('dedicatedChuckOverlayNm', { type: 'number', step: 'any', min: 0 })),
        field('US controlled content (%)', input('usControlledContentPercent', { type: 'number', step: 'any', min: 0, max: 100 })),
        field('Quantity', input('quantity', { type: 'number', min: 1, step: 1 })),
        field('Value', input('amount', { type: 'number', min: 0, step: 'any' })),
        field('Currency', input('currency', { maxlength: 3, size: 4 }))),
      h('datalist', { id: 'kinds' }, ['lithography', 'etch', 'deposition', 'inspection'].map(k => h('option', { value: k })))),
    h('fieldset', {}, h('legend', {}, 'Parties and end use'),
      h('div', { class: 'grid' },
        field('End user', input('endUserName')),
        field('End user country', input('endUserCountry', { maxlength: 2, size: 3 })),
        field('Consignee', input('consigneeName')),
        field('Consignee country', input('consigneeCountry', { maxlength: 2, size: 3 })),
        field('Advanced-node facility', select('advancedNodeFacility', ['', 'yes', 'no', 'unknown']), '“unknown” is a value of its own, never read as no'))),
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, 'Check'),
      h('button', { type: 'button', class: 'secondary', onclick: () => fill(form) }, 'Fill in an example (NXT:2050i to SMIC Beijing)')));
  form.elements.activity.value = 'export';

  const json = h('textarea', { id: 'check-json', rows: 10, spellcheck: 'false' });
  const jsonForm = h('form', { class: 'card', 'aria-label': 'Transaction as JSON' },
    field('Transaction JSON (CONTRACT §2), or {"transactions": [...]}', json),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Check JSON')));

  async function run(body) {
    mount(result, h('p', {}, 'Deciding…'));
    try {
      const answer = await post('/determinations', body);
      mount(result, ...(answer.determinations ?? [answer]).map(determinationView));
    } catch (error) {
      mount(result, problemView(error));
    }
  }
  form.addEventListener('submit', event => { event.preventDefault(); run(transactionFrom(form)); });
  jsonForm.addEventListener('submit', event => { event.preventDefault(); run(json.value); });

  mount(container,
    form,
    h('details', { class: 'card' }, h('summary', {}, 'Or paste a transaction as JSON'), jsonForm),
    result);
}

function fill(form) {
  for (const [name, value] of Object.entries(EXAMPLE)) form.elements[name].value = value;
  form.elements.id.focus();
}
