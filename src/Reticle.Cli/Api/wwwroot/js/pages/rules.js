// Rules over time: the lithography control entries of every loaded rule pack (GET /rules/timeline), drawn
// by jurisdiction and by overlay (DCO) band. Every bar comes from the server's reading of the packs.
import { h, s, mount } from '../dom.js';
import { get } from '../api.js';
import { timeScale, axis, addDays, today } from '../timescale.js';

export const title = 'Rules over time';

const SYMBOLS = { wavelengthNm: 'λ', dedicatedChuckOverlayNm: 'DCO', numericalAperture: 'NA' };

function bounds(control) {
  return control.bounds.map(b => `${SYMBOLS[b.parameter] ?? b.parameter.replace(/^mrf\(K = (.*)\)$/, 'MRF(K $1)')} ${b.operator.replace('<=', '≤').replace('>=', '≥')} ${b.value}${b.unit ? ` ${b.unit}` : ''}`).join(', ');
}

function band(b) {
  if (b.above === null) return `DCO ≤ ${b.atMost} nm`;
  if (b.atMost === null) return `DCO > ${b.above} nm`;
  return `${b.above} < DCO ≤ ${b.atMost} nm`;
}

function controls(data) {
  return data.packs.flatMap(p => p.controls.map(c => ({ ...c, jurisdiction: p.jurisdiction, pack: p })));
}

function range(data) {
  const all = controls(data);
  const from = addDays(all.map(c => c.from).reduce((a, b) => (a < b ? a : b)), -90);
  const latest = [...all.map(c => c.until ?? c.from), today()].reduce((a, b) => (a > b ? a : b));
  return { from, until: addDays(latest, 365) };
}

function bar(x, y, c, label, cls) {
  const end = c.until ?? x.until;
  const tip = `${c.id} (${c.pack.version}): in force from ${c.from}${c.until ? ` until ${addDays(c.until, -1)}` : ''}; ${bounds(c)}; ${c.requirements.map(r => `${r.id}: ${r.effect}`).join('; ') || 'no requirement names it'}; ${c.citation ?? c.pack.citation}`;
  return s('g', { class: `bar ${cls}`, dataset: { control: c.id } },
    s('rect', { x: x(c.from), y, width: Math.max(2, x(end) - x(c.from)), height: 16, rx: 2 }, s('title', {}, tip)),
    s('text', { x: x(c.from) + 4, y: y + 12, class: 'bar-label' }, label));
}

function byJurisdiction(data, span) {
  const W = 1000, left = 60, right = W - 10, rowH = 22;
  const x = timeScale(span.from, span.until, left, right);
  const all = controls(data);
  const groups = data.jurisdictions.map(j => ({ j, rows: all.filter(c => c.jurisdiction === j) })).filter(g => g.rows.length);
  let y = 40;
  const parts = [];
  for (const g of groups) {
    parts.push(s('text', { x: 8, y: y + 12, class: 'row-label' }, g.j));
    for (const c of g.rows) {
      parts.push(bar(x, y, c, `${c.id}: ${bounds(c)}`, `j-${g.j}`));
      y += rowH;
    }
    parts.push(s('line', { class: 'separator', x1: 0, x2: W, y1: y + 2, y2: y + 2 }));
    y += 8;
  }
  const H = y + 10;
  return s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'rules-picture', role: 'img', 'aria-labelledby': 'rules-j-title', 'data-testid': 'rules-by-jurisdiction' },
    s('title', { id: 'rules-j-title' }, `Lithography control entries in force over time, per jurisdiction (${all.length} entries)`),
    axis(x, 24, H - 6), parts,
    s('line', { class: 'today', x1: x(today()), x2: x(today()), y1: 26, y2: H - 6 }, s('title', {}, `today ${today()}`)));
}

function byOverlayBand(data, span) {
  const W = 1000, left = 190, right = W - 10, rowH = 20;
  const x = timeScale(span.from, span.until, left, right);
  const all = controls(data).filter(c => c.overlayBands);
  let y = 40;
  const parts = [];
  data.overlayBands.forEach((b, index) => {
    parts.push(s('text', { x: 8, y: y + 12, class: 'row-label' }, band(b)));
    for (const j of data.jurisdictions) {
      const reaching = all.filter(c => c.jurisdiction === j && c.overlayBands.includes(index));
      parts.push(s('text', { x: 150, y: y + 12, class: 'sub-label' }, j));
      for (const c of reaching) parts.push(bar(x, y, c, c.id, `j-${j}`));
      if (!reaching.length) parts.push(s('text', { x: left + 4, y: y + 12, class: 'none' }, 'no overlay-defined control'));
      y += rowH;
    }
    parts.push(s('line', { class: 'separator', x1: 0, x2: W, y1: y + 2, y2: y + 2 }));
    y += 10;
  });
  const H = y + 10;
  return s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'rules-picture', role: 'img', 'aria-labelledby': 'rules-b-title', 'data-testid': 'rules-by-overlay' },
    s('title', { id: 'rules-b-title' }, 'DUV lithography controls defined by dedicated chuck overlay (DCO), per band and jurisdiction, over time'),
    axis(x, 24, H - 6), parts,
    s('line', { class: 'today', x1: x(today()), x2: x(today()), y1: 26, y2: H - 6 }, s('title', {}, `today ${today()}`)));
}

function table(data) {
  return h('table', {},
    h('caption', {}, 'The same entries as a table'),
    h('thead', {}, h('tr', {}, ['Jurisdiction', 'Entry', 'In force', 'Thresholds', 'Requirements', 'Pack (published)'].map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, controls(data).map(c => h('tr', {},
      h('td', {}, c.jurisdiction), h('th', { scope: 'row' }, c.id),
      h('td', {}, `${c.from} – ${c.until ? addDays(c.until, -1) : 'open'}`),
      h('td', {}, bounds(c)),
      h('td', {}, c.requirements.map(r => `${r.id} (${r.effect})`).join('; ') || '—'),
      h('td', {}, `${c.pack.version} (${c.pack.published})`)))));
}

export async function render(container) {
  const data = await get('/rules/timeline?kind=lithography');
  if (!data.packs.length) {
    mount(container, h('p', {}, 'No lithography control entries in the loaded rule packs.'));
    return;
  }
  const span = range(data);
  mount(container,
    h('p', {}, `From the loaded rule packs (rule set ${data.ruleSet.slice(0, 19)}…). Hover a bar for its thresholds, requirements and citation; the vertical line is today.`),
    h('figure', { class: 'card' }, byJurisdiction(data, span), h('figcaption', {}, 'Each bar is a control entry for lithography equipment, from the date it takes effect to the day before it ends.')),
    h('figure', { class: 'card' }, byOverlayBand(data, span), h('figcaption', {}, 'Which entries reach a scanner with a dedicated chuck overlay in each band; entries without an overlay limit are in the first picture only.')),
    h('details', { class: 'card' }, h('summary', {}, 'Table of the entries'), table(data)));
}
