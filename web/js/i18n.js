// Messages: one file per language (web/i18n/id.json, en.json). Bahasa Indonesia is the default and is also what the
// HTML carries for the first render without JavaScript; English is a switch remembered in this browser.
const KEY = 'peduli.lang';
let messages = {};

function chosen() {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

export const lang = chosen();

/** Loads this language's messages, translates the page's marked texts and wires the language switch. */
export async function loadMessages() {
  const r = await fetch(`/i18n/${lang}.json`);
  messages = await r.json();
  document.documentElement.lang = lang;
  if (lang !== 'id') applyI18n(document);
  const button = document.getElementById('lang');
  if (button) {
    button.lang = lang === 'id' ? 'en' : 'id';
    button.textContent = t('lang.switch');
    button.addEventListener('click', () => {
      try {
        localStorage.setItem(KEY, lang === 'id' ? 'en' : 'id');
      } catch { /* private mode: the switch lasts for this page only */ }
      location.reload();
    });
    button.classList.add('ready'); // shown only now that it works; its place was kept from the first render
  }
}

/** The message for key, with {name} placeholders filled from params. */
export function t(key, params) {
  const text = messages[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (m, k) => (k in params ? String(params[k]) : m)) : text;
}

/** Translates data-i18n (text) and data-i18n-attr ("attr:key;attr:key") under root. */
export function applyI18n(root) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-attr]').forEach((el) => {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      el.setAttribute(attr, t(key));
    }
  });
}
