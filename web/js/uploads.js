// Supporting documents, straight to storage: ask the API for a presigned PUT (POST …/documents), send the file there
// with XMLHttpRequest (for its upload progress), then tell the API it is done (POST …/documents/{docId}/complete).
// base is '/appeals/{id}' for the reporter (X-Reporter-Token) or '/admin/appeals/{id}' for an officer (Bearer).
//
// Every step can fail on a phone (a dropped connection, a closed tab): whatever failed, the line says what to do next
// and offers to try again. A retry re-sends the file to the same presigned URL while it is valid (a document already
// announced is not announced twice), asks again only for the check when the file did arrive, and announces a new
// document only when the old URL has expired. A tab closed mid-upload leaves an AWAITING_UPLOAD document, which blocks
// nothing: the tracking page offers to check it again or to upload the file anew.
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
    xhr.onabort = () => resolve(false);
    xhr.send(file);
  });
}

/** The check after an upload: POST …/documents/{docId}/complete. */
export const complete = (base, auth, docId) =>
  api('POST', `${base}/documents/${encodeURIComponent(docId)}/complete`, { headers: auth });

/** Still usable for at least half a minute more. */
const fresh = (created) => created && Date.parse(created.upload?.expiresAt ?? '') - Date.now() > 30_000;

/**
 * Wires an upload form: kind select #doc-kind, file input #doc-file; each upload gets a line in list.
 * onChange runs after a document became READY or REJECTED (the tracking page then reloads its list).
 */
export function wireUploads(form, list, base, auth, onChange = () => {}) {
  const button = form.querySelector('button[type=submit]');

  async function run(line, kind, file, created, sent) {
    const { bar, state, actions } = line;
    actions.replaceChildren();
    const retry = (message, next) => {
      state.textContent = message;
      actions.replaceChildren(h('button', { type: 'button', class: 'secondary', onclick: next }, t('docs.retry')));
    };
    if (!sent) {
      if (!fresh(created)) {
        state.textContent = t('docs.preparing');
        const r = await api('POST', `${base}/documents`, { body: { kind, contentType: file.type, size: file.size }, headers: auth });
        if (r.status !== 201) {
          if (r.status === 400) showProblem(form, r.body, '');
          if (r.status === 0 || r.status >= 500) retry(explain(r.status, 'documents'), () => run(line, kind, file, null, false));
          else state.textContent = explain(r.status, 'documents');
          return;
        }
        created = r.body;
      }
      state.textContent = t('docs.uploading');
      bar.value = 0;
      if (!(await put(created.upload, file, (f) => { bar.value = Math.round(f * 100); }))) {
        retry(t('docs.err.put'), () => run(line, kind, file, created, false));
        return;
      }
      bar.value = 100;
    }
    state.textContent = t('docs.checking');
    const done = await complete(base, auth, created.id);
    if (done.ok) {
      state.textContent = t('docs.ready');
      onChange();
    } else if (done.status === 422) {
      state.textContent = t('docs.err.rejected');
      onChange();
    } else if (done.status === 409) {
      // the file did not arrive (or not whole): send it again
      retry(t('docs.err.notArrived'), () => run(line, kind, file, created, false));
    } else if (done.status === 0 || done.status >= 500) {
      retry(explain(done.status, 'documents'), () => run(line, kind, file, created, true));
    } else {
      state.textContent = explain(done.status, 'documents');
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const file = form.querySelector('#doc-file').files[0];
    const kind = form.querySelector('#doc-kind').value;
    if (!file) return void (fieldError(form, '/size', t('docs.err.none')), showProblem(form, null, ''));
    if (!TYPES.includes(file.type)) return void (fieldError(form, '/size', t('docs.err.type')), showProblem(form, null, ''));
    if (file.size < 1 || file.size > MAX) return void (fieldError(form, '/size', t('docs.err.size')), showProblem(form, null, ''));

    const line = {
      bar: h('progress', { max: '100', value: '0', 'aria-label': t('docs.progress', { name: file.name }) }),
      state: h('p', { role: 'status' }, t('docs.preparing')),
      actions: h('div', { class: 'row' }),
    };
    list.append(h('li', { class: 'card' }, h('strong', {}, `${t(`doc.${kind}`)}: ${file.name}`), line.bar, line.state, line.actions));
    button.disabled = true;
    form.reset();
    try {
      await run(line, kind, file, null, false);
    } finally {
      button.disabled = false;
    }
  });
}
