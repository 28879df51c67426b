// Beranda: verified appeals, newest verification first, filtered by province or regency, paged with the API's cursors.
import { api } from './api.js';
import { $, h, explain } from './dom.js';
import { loadMessages, t } from './i18n.js';
import { percent, rupiah } from './format.js';
import { regionPicker } from './regions.js';

await loadMessages();
const list = $('#appeals');
const status = $('#list-status');
const more = $('#more');
const initial = new URLSearchParams(location.search).get('wilayah') ?? '';
const chosen = await regionPicker($('#province'), $('#regency'), /^\d\d(\.\d\d)?$/.test(initial) ? initial : '');
let cursor = null;
let generation = 0;

function card(a) {
  const pct = percent(a.raisedAmount, a.targetAmount);
  const labelId = `p-${a.id}`;
  return h('li', { class: 'card' },
    h('h2', {}, h('a', { href: `/a/${encodeURIComponent(a.id)}` }, t('appeal.heading', { patientName: a.patientName }))),
    h('p', { class: 'muted' }, `${a.regionName} · ${a.hospital}`),
    h('progress', { max: '100', value: String(pct), 'aria-labelledby': labelId }, `${pct}%`),
    h('p', { id: labelId }, h('span', { class: 'money' }, rupiah(a.raisedAmount)), ' ',
      t('appeal.of', { target: rupiah(a.targetAmount) }), ' · ', t('appeal.donations', { count: a.donationCount })),
    a.status !== 'VERIFIED' ? h('p', {}, h('span', { class: 'badge' }, t(`status.${a.status}`))) : null);
}

async function load(reset) {
  const mine = reset ? ++generation : generation;
  if (reset) {
    cursor = null;
    list.replaceChildren();
  }
  more.hidden = true;
  status.textContent = t('home.loading');
  const q = new URLSearchParams({ limit: '10' });
  const region = chosen();
  if (region) q.set('regionCode', region);
  if (cursor) q.set('cursor', cursor);
  const r = await api('GET', `/appeals?${q}`);
  if (mine !== generation) return; // a newer filter won
  if (!r.ok) {
    status.textContent = explain(r.status);
    return;
  }
  list.append(...r.body.items.map(card));
  cursor = r.body.nextCursor;
  more.hidden = !cursor;
  status.textContent = list.children.length ? t('home.count', { count: list.children.length }) : t('home.none');
}

function filterChanged() {
  const region = chosen();
  history.replaceState(null, '', region ? `/?wilayah=${region}` : '/');
  load(true);
}

$('#province').addEventListener('change', filterChanged);
$('#regency').addEventListener('change', filterChanged);
$('#filter').addEventListener('submit', (e) => e.preventDefault());
more.addEventListener('click', () => load(false));
load(true);
