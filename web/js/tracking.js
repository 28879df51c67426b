// Following a report (/lapor/{id}#t=token): the token is read from the fragment (never sent to a server in a URL)
// and travels only in the X-Reporter-Token header of GET /appeals/{id}/tracking.
import { api } from './api.js';
import { $, explain, h } from './dom.js';
import { loadMessages, t } from './i18n.js';
import { dateTime } from './format.js';
import { complete, wireUploads } from './uploads.js';

await loadMessages();
const id = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const token = new URLSearchParams(location.hash.slice(1)).get('t');
const status = $('#t-status');
const base = `/appeals/${encodeURIComponent(id)}`;
const auth = { 'X-Reporter-Token': token };

function event(e) {
  return h('li', { class: 'card' },
    h('p', {}, h('strong', {}, t(`action.${e.action}`)), ' · ', dateTime(e.at)),
    h('p', {}, t('tracking.now', { region: e.regionName })),
    e.reason ? h('p', { class: 'muted' }, t('tracking.reason', { reason: e.reason })) : null);
}

/**
 * A document still AWAITING_UPLOAD (an upload cut off, a tab closed): it blocks nothing. The reporter can ask for the
 * check again (the file may have arrived before the tab closed) or upload the file anew with the form below.
 */
function pending(d, open) {
  const say = h('p', { role: 'status' }, open ? t('tracking.pending') : '');
  const again = () => {
    $('#doc-kind').value = d.kind;
    $('#doc-file').focus();
  };
  const check = async (e) => {
    e.target.disabled = true;
    say.textContent = t('docs.checking');
    const r = await complete(base, auth, d.id);
    e.target.disabled = false;
    if (r.ok || r.status === 422) return void load();
    say.textContent = r.status === 409 ? t('tracking.pendingMissing') : explain(r.status, 'documents');
    if (r.status === 409) again();
  };
  return open ? [say, h('div', { class: 'row' },
    h('button', { type: 'button', class: 'secondary', onclick: check }, t('tracking.check')),
    h('button', { type: 'button', class: 'secondary', onclick: again }, t('tracking.uploadAgain')))] : [];
}

function documents(list, open) {
  if (!list.length) return [h('li', {}, t('tracking.noDocuments'))];
  return list.map((d) => h('li', { class: 'card', id: `d-${d.id}` },
    h('p', {}, h('strong', {}, t(`doc.${d.kind}`)), ` · ${t(`docStatus.${d.status}`)}`),
    h('p', { class: 'muted' }, dateTime(d.createdAt)),
    d.status === 'AWAITING_UPLOAD' ? pending(d, open) : null));
}

async function load() {
  if (!token) {
    status.textContent = t('tracking.noToken');
    return;
  }
  const r = await api('GET', `${base}/tracking`, { headers: auth });
  if (!r.ok) {
    status.textContent = r.status === 404 ? t('tracking.notFound') : explain(r.status);
    return;
  }
  const x = r.body;
  const open = x.status === 'SUBMITTED';
  status.textContent = '';
  $('#t-body').hidden = false;
  $('#t-state').textContent = t(`appealStatus.${x.status}`);
  $('#t-region').textContent = x.regionName;
  $('#t-created').textContent = dateTime(x.createdAt);
  $('#t-events').replaceChildren(...(x.events.length ? x.events.map(event) : [h('li', {}, t('tracking.noEvents'))]));
  $('#t-documents').replaceChildren(...documents(x.documents, open));
  if (open && $('#docs').hidden) {
    $('#docs').hidden = false;
    wireUploads($('#upload'), $('#uploads'), base, auth, load);
  }
}
load();
