// Licences: GET /licenses with balances per line; #/licenses/ID shows one (GET /licenses/{id}) with a
// timeline picture of its validity, uses, amendments and revocation, and the same events as a table.
import { h, s, mount, formatNumber, money } from '../dom.js';
import { get } from '../api.js';
import { timeScale, axis, addDays, toTime } from '../timescale.js';

export const title = 'Licences';

function lines(license) {
  return h('table', { class: 'lines' },
    h('caption', {}, `Lines of ${license.id}`),
    h('thead', {}, h('tr', {}, ['Line', 'Item', 'Quantity', 'Value', 'Reserved', 'Used', 'Left (quantity)', 'Left (value)', 'Revoked'].map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, license.lines.map(l => h('tr', {},
      h('th', { scope: 'row' }, String(l.line)),
      h('td', {}, l.item),
      h('td', { class: 'num' }, formatNumber(l.quantity)),
      h('td', { class: 'num' }, money(l.value)),
      h('td', { class: 'num' }, formatNumber(l.reserved)),
      h('td', { class: 'num' }, formatNumber(l.consumed)),
      h('td', { class: 'num' }, formatNumber(l.remainingQuantity)),
      h('td', { class: 'num' }, money(l.remainingValue)),
      h('td', {}, l.revoked ?? 'no')))));
}

async function list(container) {
  const licenses = await get('/licenses');
  if (!licenses.length) {
    mount(container, h('p', {}, 'No licences on record. Record one with ', h('code', {}, 'reticle licenses add FILE'), ' or POST /api/v1/licenses.'));
    return;
  }
  mount(container, licenses.map(l => h('section', { class: 'card', 'aria-labelledby': `lic-${l.id}` },
    h('h2', { id: `lic-${l.id}` }, h('a', { href: `#/licenses/${encodeURIComponent(l.id)}` }, l.id), ` — ${l.jurisdiction}, ${l.status}`),
    h('p', {}, `${l.kind}, held by ${l.holder}; valid ${l.validFrom} to ${l.validUntil ?? 'open'}`),
    lines(l))));
}

function describe(e) {
  switch (e.type) {
    case 'issued': return 'issued';
    case 'amended': return `amended${e.reason ? `: ${e.reason}` : ''}`;
    case 'revoked': {
      const scope = e.scope?.whole ? 'whole licence' : e.scope?.line ? `line ${e.scope.line}` : e.scope?.party ? `party ${e.scope.party}` : 'in part';
      return `revoked (${scope})${e.reason ? `: ${e.reason}` : ''}`;
    }
    default: return `${e.type}${e.line ? ` line ${e.line}` : ''}${e.quantity !== undefined ? `, quantity ${formatNumber(e.quantity)}` : ''}${e.value ? `, ${money(e.value)}` : ''}${e.reference ? ` for ${e.reference}` : ''}`;
  }
}

/** The timeline: validity as a bar, uses as ticks on their own row, amendments as diamonds, a revocation as a red cut. */
export function timeline(license) {
  const events = license.events ?? [];
  // A use is recorded when it happens, so only its date counts; a revocation's or amendment's announcement is part of the story.
  const dates = [license.validFrom, license.validUntil, license.terms?.issued,
    ...events.flatMap(e => (e.type === 'revoked' || e.type === 'amended' || e.type === 'issued' ? [e.effective, e.announced] : [e.effective]))].filter(Boolean);
  const from = addDays(dates.reduce((a, b) => (a < b ? a : b)), -30);
  const until = addDays(dates.reduce((a, b) => (a > b ? a : b)), 30);
  const W = 900, left = 120, right = W - 20;
  const rows = { validity: 50, uses: 95, amendments: 135, revocations: 175 };
  const H = 205;
  const x = timeScale(from, until, left, right);
  const end = license.validUntil ?? until;
  const parts = [
    axis(x, 28, H - 10),
    Object.entries({ validity: 'Validity', uses: 'Uses', amendments: 'Amendments', revocations: 'Revocation' })
      .map(([k, label]) => s('text', { x: 8, y: rows[k] + 4, class: 'row-label' }, label)),
    s('rect', { class: 'validity', x: x(license.validFrom), y: rows.validity - 10, width: Math.max(2, x(end) - x(license.validFrom)), height: 20, rx: 3 },
      s('title', {}, `valid ${license.validFrom} to ${license.validUntil ?? 'open'}`)),
    s('text', { x: x(license.validFrom) + 4, y: rows.validity + 4, class: 'bar-label' }, `${license.validFrom} – ${license.validUntil ?? 'open'}`),
  ];
  for (const e of events) {
    const ex = x(e.effective);
    const label = `${e.effective}: ${describe(e)} (announced ${e.announced})`;
    if (e.type === 'issued') {
      parts.push(s('circle', { class: 'issued', cx: x(e.announced), cy: rows.validity, r: 5 }, s('title', {}, label)));
    } else if (e.type === 'amended') {
      parts.push(s('path', { class: 'amended', d: `M${ex},${rows.amendments - 7}l7,7l-7,7l-7,-7z` }, s('title', {}, label)));
    } else if (e.type === 'revoked') {
      parts.push(
        s('rect', { class: 'revoked-span', x: ex, y: rows.validity - 10, width: Math.max(0, x(end) - ex), height: 20 }, s('title', {}, label)),
        s('line', { class: 'revoked', x1: ex, x2: ex, y1: rows.validity - 16, y2: rows.revocations + 8 }, s('title', {}, label)),
        s('circle', { class: 'announced', cx: x(e.announced), cy: rows.revocations, r: 4 }, s('title', {}, `announced ${e.announced}`)),
        s('text', { x: ex + 5, y: rows.revocations + 4, class: 'bar-label' }, `revoked from ${e.effective}`));
    } else {
      parts.push(
        s('line', { class: `use use-${e.type}`, x1: ex, x2: ex, y1: rows.uses - 10, y2: rows.uses + 10 }, s('title', {}, label)),
        s('text', { x: ex, y: rows.uses + 22, 'text-anchor': 'middle', class: 'tick-label' }, e.type === 'consumed' ? `−${formatNumber(e.quantity ?? 0)}` : e.type));
    }
  }
  return s('svg', { class: 'timeline', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'timeline-title timeline-desc', 'data-testid': 'license-timeline' },
    s('title', { id: 'timeline-title' }, `Timeline of licence ${license.id}`),
    s('desc', { id: 'timeline-desc' }, `Valid ${license.validFrom} to ${license.validUntil ?? 'open'}; ${events.length} events: ${events.map(describe).join('; ')}. The table below lists the same events.`),
    parts);
}

async function detail(container, id) {
  const license = await get(`/licenses/${encodeURIComponent(id)}`);
  const events = [...(license.events ?? [])].sort((a, b) => toTime(a.effective) - toTime(b.effective));
  mount(container,
    h('p', {}, h('a', { href: '#/licenses' }, '← All licences')),
    h('h2', {}, `${license.id} — ${license.jurisdiction}, ${license.status}`),
    h('p', {}, `${license.kind}, held by ${license.holder}; valid ${license.validFrom} to ${license.validUntil ?? 'open'}`),
    license.terms?.destinations?.length ? h('p', {}, h('span', { class: 'label' }, 'Destinations: '), license.terms.destinations.join(', ')) : null,
    license.terms?.parties?.length ? h('p', {}, h('span', { class: 'label' }, 'Parties: '), license.terms.parties.map(p => `${p.role}: ${p.name}`).join('; ')) : null,
    license.terms?.conditions?.length ? h('p', {}, h('span', { class: 'label' }, 'Conditions: '), license.terms.conditions.join('; ')) : null,
    h('figure', { class: 'card' }, timeline(license), h('figcaption', {}, 'Bar: validity. Ticks: uses (draw-downs). Diamonds: amendments. Red: revoked from that date; dot: when it was announced. Hover for details.')),
    lines(license),
    h('table', {},
      h('caption', {}, 'Events'),
      h('thead', {}, h('tr', {}, ['Effective', 'Announced', 'Event'].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, events.map(e => h('tr', {}, h('td', {}, e.effective), h('td', {}, e.announced), h('td', {}, describe(e)))))));
}

export async function render(container, [id]) {
  if (id) await detail(container, id); else await list(container);
}
