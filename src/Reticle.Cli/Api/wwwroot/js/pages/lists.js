// Lists: the list snapshots in use (GET /lists) with what their import changed.
import { h, mount, formatNumber } from '../dom.js';
import { get } from '../api.js';

export const title = 'Screening lists';

export async function render(container) {
  const all = h('input', { type: 'checkbox', id: 'lists-all' });
  const table = h('div');
  async function load() {
    const lists = await get(`/lists${all.checked ? '?all=true' : ''}`);
    mount(table, h('table', {},
      h('caption', {}, all.checked ? 'Every snapshot held' : 'Snapshots in use'),
      h('thead', {}, h('tr', {}, ['Dataset', 'Format', 'Published', 'Entries', 'Imported', 'Last import changed', 'SHA-256', 'In use'].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, lists.map(l => h('tr', {},
        h('th', { scope: 'row' }, l.dataset),
        h('td', {}, l.format),
        h('td', {}, l.published ?? 'not stated'),
        h('td', { class: 'num' }, formatNumber(l.entries)),
        h('td', {}, l.importedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z')),
        h('td', {}, l.changes ? `+${formatNumber(l.changes.added)} added, −${formatNumber(l.changes.removed)} removed, ${formatNumber(l.changes.changed)} changed (was ${formatNumber(l.changes.previousEntries)})` : '—'),
        h('td', { class: 'hash', title: l.sha256 }, l.sha256.slice(0, 19), '…'),
        h('td', {}, l.inUse ? 'yes' : 'no'))))));
  }
  all.addEventListener('change', load);
  mount(container, h('p', {}, all, ' ', h('label', { for: 'lists-all' }, 'Show every snapshot held, not only those in use')), table);
  await load();
}
