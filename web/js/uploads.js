// Supporting documents, straight to storage: ask the API for a presigned PUT (POST …/documents), send the file there
// with XMLHttpRequest (for its upload progress), then tell the API it is done (POST …/documents/{docId}/complete).
// base is '/appeals/{id}' for the reporter (X-Reporter-Token) or '/admin/appeals/{id}' for an officer (Bearer).
import { api } from './api.js';
import { clearErrors, explain, fieldError, h, showProblem } from './dom.js';
import { t } from './i18n.js';

const TYPES = ['image/jpeg', 'image/png', 'application/pdf'];
const MAX = 10 * 1024 * 1024;

function put(upload, file, onProgress) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(upload.method || 'PUT', upload.url);
    for (const [k, v] of Object.entries(upload.headers ?? {})) {
      if (k.toLowerCase() !== 'content-length') xhr.setRequestHeader(k, v); // the browser sets the length itself
    }
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onload = () => resolve(xhr.status >= 200 && xhr.status < 300);
    xhr.onerror = () => resolve(false);
    xhr.send(file);
  });
}

/** Wires an upload form: kind select #doc-kind, file input #doc-file; each upload gets a line in list. */
export function wireUploads(form, list, base, auth) {
  const button = form.querySelector('button[type=submit]');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const file = form.querySelector('#doc-file').files[0];
    const kind = form.querySelector('#doc-kind').value;
    if (!file) return void (fieldError(form, '/size', t('docs.err.none')), showProblem(form, null, ''));
    if (!TYPES.includes(file.type)) return void (fieldError(form, '/size', t('docs.err.type')), showProblem(form, null, ''));
    if (file.size < 1 || file.size > MAX) return void (fieldError(form, '/size', t('docs.err.size')), showProblem(form, null, ''));

    button.disabled = true;
    const bar = h('progress', { max: '100', value: '0', 'aria-label': t('docs.progress', { name: file.name }) });
    const state = h('p', { role: 'status' }, t('docs.preparing'));
    list.append(h('li', { class: 'card' }, h('strong', {}, `${t(`doc.${kind}`)}: ${file.name}`), bar, state));
    const created = await api('POST', `${base}/documents`,
      { body: { kind, contentType: file.type, size: file.size }, headers: auth });
    button.disabled = false;
    if (created.status !== 201) {
      state.textContent = explain(created.status, 'documents');
      if (created.status === 400) showProblem(form, created.body, '');
      return;
    }
    state.textContent = t('docs.uploading');
    const sent = await put(created.body.upload, file, (f) => { bar.value = Math.round(f * 100); });
    if (!sent) {
      state.textContent = t('docs.err.put');
      return;
    }
    bar.value = 100;
    const done = await api('POST', `${base}/documents/${encodeURIComponent(created.body.id)}/complete`, { headers: auth });
    state.textContent = done.ok ? t('docs.ready') : done.status === 422 ? t('docs.err.rejected') : explain(done.status, 'documents');
    form.reset();
  });
}
