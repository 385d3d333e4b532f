// Owners: a party's ownership picture on a date → GET /owners (CONTRACT §10): who holds what in it, which owners are listed
// or themselves restricted through ownership, and each path up to a listed party (the BIS Affiliates rule, OFAC's 50 % rule).
import { h, s, mount, field } from '../dom.js';
import { get, problemView } from '../api.js';

export const title = 'Ownership';

const pct = p => (p === null || p === undefined ? 'share not stated' : `${p} %`);

function listing(x) {
  return x.listed.length ? x.listed.map(l => l.listing).join('; ') : x.ownedByListed ? 'restricted through ownership' : '';
}

// The picture: the party at the bottom, its owners above it, one arrow per stake labelled with the share; listed owners and
// owners restricted through ownership are marked in words (the colour only repeats them).
function picture(r) {
  const owners = r.owners.filter(o => o.held);
  const width = Math.max(520, owners.length * 190 + 40);
  const height = 230;
  const party = { x: width / 2, y: 190 };
  const boxes = owners.map((o, i) => ({ o, x: 20 + i * 190 + 85, y: 40 }));
  const svg = s('svg', { class: 'ownership-picture', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img',
    'aria-label': `${r.entity.name} and its ${owners.length} owner${owners.length === 1 ? '' : 's'} on ${r.query.date}` },
    boxes.map(b => [
      s('line', { x1: b.x, y1: b.y + 22, x2: party.x, y2: party.y - 22, class: 'stake' }),
      s('text', { x: (b.x + party.x) / 2 + 6, y: (b.y + party.y) / 2, class: 'stake-label' }, pct(b.o.percent)),
      s('rect', { x: b.x - 85, y: b.y - 22, width: 170, height: 44, rx: 4,
        class: b.o.listed.length ? 'node listed' : b.o.ownedByListed ? 'node restricted' : 'node' }),
      s('text', { x: b.x, y: b.y - 3, 'text-anchor': 'middle', class: 'node-name' }, b.o.owner.length > 22 ? `${b.o.owner.slice(0, 21)}…` : b.o.owner),
      s('text', { x: b.x, y: b.y + 13, 'text-anchor': 'middle', class: 'node-note' }, listing(b.o) || (b.o.ownerCountry ?? '')),
    ]),
    s('rect', { x: party.x - 110, y: party.y - 22, width: 220, height: 44, rx: 4, class: r.findings.some(f => f.status === 'owned') ? 'node party owned' : 'node party' }),
    s('text', { x: party.x, y: party.y + 5, 'text-anchor': 'middle', class: 'node-name' }, r.entity.name.length > 28 ? `${r.entity.name.slice(0, 27)}…` : r.entity.name));
  return h('figure', { class: 'card' }, svg, h('figcaption', {}, 'Stakes held on the date; a listed owner or one restricted through ownership says so in its box.'));
}

function finding(f) {
  return h('li', { class: 'card finding-ownership' },
    h('h3', {}, `${f.rule}: ${f.status === 'owned' ? 'owned 50 % or more by listed parties' : 'possibly owned 50 % or more — undetermined'}`),
    h('p', { class: 'because' }, f.because),
    h('p', {}, h('span', { class: 'label' }, 'Citation: '), f.citation),
    h('h4', {}, 'Paths to listed parties'),
    h('ol', { class: 'paths' }, f.paths.map(path => h('li', { class: 'path' },
      path.map((step, i) => [i ? ' ← ' : `${f.name} ← `, `${step.percent} % `, h('strong', {}, step.owner), step.list ? ` [${step.list}]` : ''])))),
    f.listedOwners.length ? h('div', {}, h('h4', {}, 'Listed owners (the strictest of their terms applies)'),
      h('ul', {}, f.listedOwners.map(o => h('li', {}, `${o.name} (${o.list}${o.footnotes.length ? `, footnote ${o.footnotes.join(', ')}` : ''})`,
        o.licenseRequirement ? ` — licence requirement: ${o.licenseRequirement}` : '', o.licensePolicy ? `; review policy: ${o.licensePolicy}` : '')))) : null,
    f.missing?.length ? h('div', {}, h('h4', {}, 'Missing facts'), h('ul', {}, f.missing.map(m => h('li', {}, m)))) : null);
}

function stakes(r) {
  return h('table', { class: 'owners' },
    h('caption', {}, 'Owners on record'),
    h('thead', {}, h('tr', {}, ['Owner', 'Country', 'Share', 'From', 'Until', 'Held', 'Listed', 'Source'].map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, r.owners.map(o => h('tr', {},
      h('td', {}, o.owner), h('td', {}, o.ownerCountry ?? ''), h('td', {}, pct(o.percent)), h('td', {}, o.from ?? ''), h('td', {}, o.until ?? ''),
      h('td', {}, o.held ? 'yes' : 'no'), h('td', {}, listing(o)), h('td', {}, o.source)))));
}

export async function render(container, [initialName, initialCountry]) {
  const result = h('div', { 'aria-live': 'polite', id: 'owners-result' });
  const name = h('input', { id: 'owners-name', name: 'name', required: true, maxlength: 1000, value: initialName ?? '' });
  const country = h('input', { id: 'owners-country', name: 'country', maxlength: 2, size: 3, value: initialCountry ?? '' });
  const date = h('input', { id: 'owners-date', name: 'date', type: 'date' });
  const form = h('form', { class: 'card', 'aria-label': 'Ownership query' },
    h('div', { class: 'grid' }, field('Name', name), field('Country', country, 'ISO code'), field('Date', date, 'the date of the act; today if left empty')),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Show ownership')));
  async function show() {
    const query = new URLSearchParams({ name: name.value.trim() });
    if (country.value.trim()) query.set('country', country.value.trim().toUpperCase());
    if (date.value) query.set('date', date.value);
    mount(result, h('p', {}, 'Looking up…'));
    try {
      const r = await get(`/owners?${query}`);
      if (!r.known) {
        mount(result, h('p', { class: 'summary' }, `No owner or holding of '${r.query.name}' is on record in the ownership facts held.`));
        return;
      }
      mount(result,
        h('p', { class: 'summary' }, r.findings.length
          ? r.findings.map(f => `${f.rule}: ${f.because}`).join(' · ')
          : `${r.entity.name}: not owned 50 % or more by listed parties on ${r.query.date}.`),
        picture(r),
        h('ol', { class: 'findings-ownership' }, r.findings.map(finding)),
        stakes(r));
    } catch (error) {
      mount(result, problemView(error));
    }
  }
  form.addEventListener('submit', event => { event.preventDefault(); show(); });
  mount(container, form, result);
  if (initialName) show(); else name.focus();
}
