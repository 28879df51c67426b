import { t } from './i18n.js';

/** h('p', {class: 'x'}, 'text', child): a small element builder; text is always set as text, never as HTML. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

export const $ = (sel, root = document) => root.querySelector(sel);

/** Clears the field errors of a form. */
export function clearErrors(form) {
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  form.querySelectorAll('.error').forEach((el) => { el.textContent = ''; });
}

/** Puts a message at the field that carries data-pointer=pointer; answers false when no field does. */
export function fieldError(form, pointer, message) {
  const field = form.querySelector(`[data-pointer="${CSS.escape(pointer)}"]`);
  if (!field) return false;
  field.setAttribute('aria-invalid', 'true');
  const box = document.getElementById(`${field.id}-error`);
  if (box) box.textContent = box.textContent ? `${box.textContent} ${message}` : message;
  return true;
}

/**
 * Shows a problem document's errors[] at their fields (by JSON pointer); what no field claims goes to the form's
 * alert box, as does the detail when there are no field errors. Moves focus to the first field in error.
 */
export function showProblem(form, problem, fallback) {
  const alert = form.querySelector('.form-alert');
  const leftover = [];
  for (const e of problem?.errors ?? []) {
    if (!e.pointer || !fieldError(form, e.pointer, e.detail)) leftover.push(e.detail);
  }
  const text = leftover.length ? leftover.join(' ') : (problem?.errors?.length ? '' : fallback);
  if (alert) {
    alert.textContent = text || '';
    alert.hidden = !text;
  }
  const first = form.querySelector('[aria-invalid=true]');
  if (first) first.focus();
  else if (alert && text) alert.focus();
}

/** Words for an answer that is not a success, as a person (not a programmer) would say them. */
export function explain(status, context = 'general') {
  if (status === 0) return t('error.network');
  const specific = t(`error.${context}.${status}`);
  if (!specific.startsWith('error.')) return specific;
  const general = t(`error.${status}`);
  return general.startsWith('error.') ? t('error.other', { status }) : general;
}
