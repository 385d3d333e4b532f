// A determination (CONTRACT §3) as a person reads it: the overall outcome, then per jurisdiction the
// rules that apply with what they compared and their citation, and the screening hits with why they matched.
import { h, outcome, formatNumber, money } from './dom.js';

function finding(f) {
  return h('li', { class: `finding s-${f.status}` },
    h('p', { class: 'finding-title' }, h('strong', {}, f.title ?? f.rule), ' ', h('code', {}, f.rule), ' — ', f.status === 'applies' ? outcome(f.effect) : f.status.replaceAll('-', ' ')),
    f.because ? h('p', {}, h('span', { class: 'label' }, 'Compared: '), f.because) : null,
    h('p', { class: 'citation' }, h('span', { class: 'label' }, 'Citation: '), f.citation),
    f.confidence && f.confidence !== 'verified' ? h('p', { class: 'muted' }, `Confidence: ${f.confidence} (not verified against the primary text)`) : null);
}

function jurisdiction(j) {
  const applying = j.findings.filter(f => f.status !== 'does-not-apply');
  const others = j.findings.filter(f => f.status === 'does-not-apply');
  return h('section', { class: 'card jurisdiction', 'aria-label': `${j.jurisdiction}: ${j.outcome}`, dataset: { jurisdiction: j.jurisdiction } },
    h('h3', {}, j.jurisdiction, ': ', outcome(j.outcome)),
    j.classifications?.length ? h('p', {}, h('span', { class: 'label' }, 'Item classified as: '), j.classifications.join(', ')) : null,
    j.license ? h('p', { class: 'license' }, h('span', { class: 'label' }, 'Licensed under: '),
      `${j.license.id} line ${j.license.line}; left after this use: ${formatNumber(j.license.remainingQuantity)} (${money(j.license.remainingValue)})`) : null,
    applying.length ? h('ul', { class: 'findings' }, applying.map(finding)) : null,
    others.length ? h('details', {}, h('summary', {}, `${others.length} rule${others.length === 1 ? '' : 's'} that do not apply, and why`), h('ul', { class: 'findings' }, others.map(finding))) : null,
    j.conditions?.length ? h('ul', { class: 'conditions' }, j.conditions.map(c => h('li', {}, `${c.condition}: ${c.holds}`, c.because ? `, because ${c.because}` : ''))) : null,
    j.licensesConsidered?.length ? h('ul', {}, j.licensesConsidered.map(c => h('li', {}, `Licence ${c.id}${c.line ? ` line ${c.line}` : ''} considered: ${c.reason}`))) : null,
    j.notes?.length ? h('ul', { class: 'notes' }, j.notes.map(n => h('li', { class: 'muted' }, n))) : null);
}

export function screeningHits(hits) {
  if (!hits?.length) return h('p', {}, 'No screening hits.');
  return h('table', {},
    h('caption', {}, 'Screening hits'),
    h('thead', {}, h('tr', {}, ['Party', 'List', 'Matched name', 'Score', 'Status', 'Why'].map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, hits.map(x => h('tr', {},
      h('td', {}, `${x.role}: ${x.name}`),
      h('td', {}, x.list),
      h('td', {}, x.matchedName, x.entryName && x.entryName !== x.matchedName ? h('div', { class: 'muted' }, `entry: ${x.entryName}`) : null),
      h('td', { class: 'num' }, x.score.toFixed(3)),
      h('td', {}, x.status, x.note ? h('div', { class: 'muted' }, x.note) : null),
      h('td', {}, h('details', {}, h('summary', {}, 'explanation'), h('ul', { class: 'explanation' }, (x.explanation ?? []).map(e => h('li', {}, e)))))))));
}

export function determinationView(d) {
  return h('article', { class: 'determination', 'aria-label': `Determination for ${d.transaction}` },
    h('h2', {}, `${d.transaction} on ${d.asOf}: `, outcome(d.outcome)),
    d.knownAt ? h('p', { class: 'muted' }, `With what was known on ${d.knownAt}`) : null,
    h('div', { class: 'jurisdictions' }, d.jurisdictions.map(jurisdiction)),
    h('h3', {}, 'Screening'),
    screeningHits(d.screening),
    h('details', {}, h('summary', {}, 'Rule and list versions used'),
      h('dl', {},
        Object.entries(d.ruleVersions ?? {}).map(([k, v]) => [h('dt', {}, `Rules ${k}`), h('dd', {}, v)]),
        Object.entries(d.listVersions ?? {}).map(([k, v]) => [h('dt', {}, `List ${k}`), h('dd', { class: 'hash' }, v)]),
        d.ruleSet ? [h('dt', {}, 'Rule set'), h('dd', { class: 'hash' }, d.ruleSet)] : null)));
}
