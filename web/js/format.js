import { lang, t } from './i18n.js';

const number = new Intl.NumberFormat('id-ID');

/** "Rp 50.000": rupiah always written the Indonesian way, whatever the language. */
export const rupiah = (n) => `Rp ${number.format(n)}`;

export const digits = (text) => String(text ?? '').replace(/\D/g, '');

// One formatter for the page: making one per call cost about a millisecond each on a slow phone, a hundred times over
// for a ledger.
let when = null;

export function dateTime(iso) {
  if (!iso) return '';
  when ??= new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID',
    { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' });
  return when.format(new Date(iso));
}

export const percent = (raised, target) => (target > 0 ? Math.min(100, Math.floor((raised * 100) / target)) : 0);

/** Keeps an amount field written with thousands separators as the person types; value read with digits(). */
export function amountField(input) {
  input.addEventListener('input', () => {
    const d = digits(input.value).replace(/^0+/, '').slice(0, 13);
    input.value = d ? number.format(Number(d)) : '';
  });
}

export const statusText = (status) => t(`status.${status}`);
