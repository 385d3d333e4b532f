// Rules over time: the lithography control entries of every loaded rule pack (GET /rules/timeline), drawn
// by jurisdiction and by overlay (DCO) band. Every bar comes from the server's reading of the packs.
import { h, s, mount, field } from '../dom.js';
import { get, api, problemView } from '../api.js';
import { drafts, draftForm } from '../drafts.js';
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
  const tip = `${c.pack.draft ? 'DRAFT ' : ''}${c.id} (${c.pack.version}): in force from ${c.from}${c.until ? ` until ${addDays(c.until, -1)}` : ''}; ${bounds(c)}; ${c.requirements.map(r => `${r.id}: ${r.effect}`).join('; ') || 'no requirement names it'}; ${c.citation ?? c.pack.citation}`;
  return s('g', { class: `bar ${cls}${c.pack.draft ? ' draft' : ''}`, dataset: { control: c.id, draft: c.pack.draft ? 'true' : 'false' } },
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

function fields(entry) {
  if (!entry) return '—';
  return h('div', {}, h('div', {}, `${entry.entry ?? entry.effect} · in force ${entry.effective}`),
    h('div', {}, h('code', {}, entry.when ?? '(always)')),
    entry.thresholds.length ? h('div', {}, 'Thresholds: ', entry.thresholds.join('; ')) : null);
}

function diffView(d) {
  const item = (kind, x) => h('li', { class: `card diff-entry ${x.change}`, dataset: { id: x.id, change: x.change } },
    h('h3', {}, `${x.change === 'added' ? '+' : x.change === 'removed' ? '−' : '~'} ${kind} ${x.jurisdiction} ${x.id}${x.fields.length ? ` (${x.fields.join(', ')} changed)` : ''}`),
    h('div', { class: 'grid' }, h('div', { class: 'was' }, h('p', { class: 'label' }, 'Before'), fields(x.before)), h('div', { class: 'now' }, h('p', { class: 'label' }, 'After'), fields(x.after))));
  const count = list => ['added', 'removed', 'changed'].map(k => `${list.filter(x => x.change === k).length} ${k}`).join(', ');
  return h('div', { id: 'diff-result' },
    h('p', { class: 'summary' }, `${d.before.map(p => p.pack).join(', ')} → ${d.after.map(p => p.pack).join(', ')}: entries ${count(d.entries)}; requirements ${count(d.requirements)}.`),
    h('ol', { class: 'changes' }, d.entries.map(e => item('entry', e)), d.requirements.map(r => item('rule', r))));
}

function diffForm(data) {
  const ids = [...new Set(data.packs.filter(p => !p.draft).map(p => p.pack))].sort();
  const select = (id, value) => h('select', { id }, ids.map(p => h('option', { value: p, selected: p === value }, p)));
  const old = select('diff-old', ids.includes('nl.sme-2023') ? 'nl.sme-2023' : ids[0]);
  const next = select('diff-new', ids.includes('nl.sme-2024') ? 'nl.sme-2024' : ids[ids.length - 1]);
  const out = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'card', 'aria-label': 'Compare two packs' },
    h('h2', {}, 'What changed between two packs'),
    h('div', { class: 'grid' }, field('Old pack', old), field('New pack', next)),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Show changes')), out);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      mount(out, diffView(await get(`/rules/diff?old=${encodeURIComponent(old.value)}&new=${encodeURIComponent(next.value)}`)));
    } catch (error) {
      mount(out, problemView(error));
    }
  });
  return form;
}

export async function render(container) {
  const held = drafts();
  const data = held.length ? await api('POST', '/rules/timeline', draftForm(held, { kind: 'lithography' })) : await get('/rules/timeline?kind=lithography');
  if (!data.packs.length) {
    mount(container, h('p', {}, 'No lithography control entries in the loaded rule packs.'));
    return;
  }
  const span = range(data);
  mount(container,
    h('p', {}, `From the loaded rule packs (rule set ${data.ruleSet.slice(0, 19)}…). Hover a bar for its thresholds, requirements and citation; the vertical line is today.`),
    held.length ? h('p', { class: 'draft-note' }, `With the draft packs chosen on the What-if page (${data.packs.filter(p => p.draft).map(p => p.pack).join(', ') || 'none of them controls lithography'}): their entries are drawn dashed; they are not in force.`) : null,
    h('figure', { class: 'card' }, byJurisdiction(data, span), h('figcaption', {}, 'Each bar is a control entry for lithography equipment, from the date it takes effect to the day before it ends.')),
    h('figure', { class: 'card' }, byOverlayBand(data, span), h('figcaption', {}, 'Which entries reach a scanner with a dedicated chuck overlay in each band; entries without an overlay limit are in the first picture only.')),
    h('details', { class: 'card' }, h('summary', {}, 'Table of the entries'), table(data)),
    diffForm(data));
}
