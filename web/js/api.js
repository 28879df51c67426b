// The HTTP API v1.1, as the pages call it. Every call answers {status, ok, body} and never throws: status 0 means
// the network failed (nothing is known about the outcome, so an idempotent retry is the right move).
const base = document.querySelector('meta[name="peduli-api"]')?.content || '';

export const apiUrl = (path) => base + path;

export async function api(method, path, { body, headers = {}, token } = {}) {
  const h = { accept: 'application/json', ...headers };
  if (body !== undefined) h['content-type'] = 'application/json';
  if (token) h.authorization = `Bearer ${token}`;
  let r;
  try {
    r = await fetch(apiUrl(path), { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    return { status: 0, ok: false, body: null };
  }
  const text = await r.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch { /* not JSON: leave body null */ }
  return { status: r.status, ok: r.ok, body: data };
}

/** A fresh Idempotency-Key (one per form, reused by every retry of that form). */
export function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}
