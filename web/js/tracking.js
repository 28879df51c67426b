// Following a report (/lapor/{id}#t=token): the token is read from the fragment (never sent to a server in a URL)
// and travels only in the X-Reporter-Token header of GET /appeals/{id}/tracking.
import { api } from './api.js';
import { $, explain, h } from './dom.js';
import { loadMessages, t } from './i18n.js';
import { dateTime } from './format.js';
import { wireUploads } from './uploads.js';

await loadMessages();
const id = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const token = new URLSearchParams(location.hash.slice(1)).get('t');
const status = $('#t-status');

function event(e) {
  return h('li', { class: 'card' },
    h('p', {}, h('strong', {}, t(`action.${e.action}`)), ' · ', dateTime(e.at)),
    h('p', {}, t('tracking.now', { region: e.regionName })),
    e.reason ? h('p', { class: 'muted' }, t('tracking.reason', { reason: e.reason })) : null);
}

async function load() {
  if (!token) {
    status.textContent = t('tracking.noToken');
    return;
  }
  const r = await api('GET', `/appeals/${encodeURIComponent(id)}/tracking`, { headers: { 'X-Reporter-Token': token } });
  if (!r.ok) {
    status.textContent = r.status === 404 ? t('tracking.notFound') : explain(r.status);
    return;
  }
  const x = r.body;
  status.textContent = '';
  $('#t-body').hidden = false;
  $('#t-state').textContent = t(`appealStatus.${x.status}`);
  $('#t-region').textContent = x.regionName;
  $('#t-created').textContent = dateTime(x.createdAt);
  $('#t-events').replaceChildren(...(x.events.length ? x.events.map(event) : [h('li', {}, t('tracking.noEvents'))]));
  $('#t-documents').replaceChildren(...(x.documents.length ? x.documents.map((d) => h('li', { class: 'card' },
    `${t(`doc.${d.kind}`)} · ${t(`docStatus.${d.status}`)} · ${dateTime(d.createdAt)}`)) : [h('li', {}, t('tracking.noDocuments'))]));
  if (x.status === 'SUBMITTED' && $('#docs').hidden) {
    $('#docs').hidden = false;
    wireUploads($('#upload'), $('#uploads'), `/appeals/${encodeURIComponent(id)}`, { 'X-Reporter-Token': token });
  }
}
load();
