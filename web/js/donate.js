// The donate form. One Idempotency-Key per form, reused by every retry, and one request at a time, so a double
// click or a retry after a lost answer never makes a second pledge. On 201 the donor goes to payment.url.
// The pledge is remembered in this tab (sessionStorage), so coming back with the back button (after paying, or from
// the payment page) shows that pledge and its receipt instead of a form that would make a second one; donating
// again is a deliberate choice ("Donasi lagi").
import { api, newKey } from './api.js';
import { clearErrors, explain, fieldError, showProblem } from './dom.js';
import { t } from './i18n.js';
import { amountField, digits, rupiah } from './format.js';

const PLEDGES = 'peduli.pledges';

function pledges() {
  try {
    return JSON.parse(sessionStorage.getItem(PLEDGES) ?? '{}') ?? {};
  } catch {
    return {};
  }
}

function remember(appealId, pledge) {
  const all = pledges();
  if (pledge) all[appealId] = pledge;
  else delete all[appealId];
  try {
    sessionStorage.setItem(PLEDGES, JSON.stringify(all));
  } catch { /* storage full or disabled: the idempotency key still guards a retry */ }
}

export const MIN = 10_000;
export const MAX = 100_000_000;

export function wireDonate(form, appeal) {
  if (appeal.status !== 'VERIFIED') {
    const closed = document.getElementById('donate-closed');
    closed.textContent = t(`donate.closed.${appeal.status}`);
    closed.hidden = false;
    return;
  }
  let key = newKey();
  const amount = form.querySelector('#amount');
  const name = form.querySelector('#donor-name');
  const anonymous = form.querySelector('#anonymous');
  const submit = form.querySelector('#donate-submit');
  const status = form.querySelector('#donate-status');
  let sending = false;

  amountField(amount);
  const picks = form.querySelectorAll('.picks button');
  const press = () => picks.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.amount === digits(amount.value))));
  picks.forEach((b) => b.addEventListener('click', () => {
    amount.value = Number(b.dataset.amount).toLocaleString('id-ID');
    press();
  }));
  amount.addEventListener('input', press);
  anonymous.addEventListener('change', () => { name.disabled = anonymous.checked; });

  const done = document.getElementById('donate-done');
  /** This tab already pledged here: show it (and where its receipt is) instead of the form. */
  function showPledged() {
    const p = pledges()[appeal.id];
    done.hidden = !p;
    form.hidden = Boolean(p);
    if (!p) return false;
    document.getElementById('donate-done-text').textContent = t('donate.pledged', { amount: rupiah(p.amount) });
    document.getElementById('donate-done-receipt').href = `/donasi/${encodeURIComponent(p.id)}`;
    return true;
  }
  document.getElementById('donate-again').addEventListener('click', () => {
    remember(appeal.id, null);
    key = newKey(); // a new donation, not a retry of the last one
    sending = false;
    submit.disabled = false;
    status.textContent = '';
    form.reset();
    press();
    showPledged();
    amount.focus();
  });
  // A page restored from the back/forward cache runs no script again: check on every show.
  addEventListener('pageshow', (e) => { if (e.persisted) showPledged(); });
  showPledged();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    clearErrors(form);
    const value = Number(digits(amount.value));
    let ok = true;
    if (!value || value < MIN) ok = fieldError(form, '/amount', t('donate.err.min')) && false;
    else if (value > MAX) ok = fieldError(form, '/amount', t('donate.err.max')) && false;
    const email = form.querySelector('#email');
    if (email.value && !email.checkValidity()) ok = fieldError(form, '/email', t('donate.err.email')) && false;
    if (!ok) {
      showProblem(form, null, '');
      return;
    }
    const body = { amount: value, provider: form.querySelector('input[name=provider]:checked').value };
    if (anonymous.checked) body.anonymous = true;
    else if (name.value.trim()) body.donorName = name.value.trim();
    const message = form.querySelector('#message').value.trim();
    if (message) body.message = message;
    if (email.value.trim()) body.email = email.value.trim();

    sending = true;
    submit.disabled = true;
    status.textContent = t('donate.sending');
    const r = await api('POST', `/appeals/${encodeURIComponent(appeal.id)}/donations`,
      { body, headers: { 'Idempotency-Key': key } });
    if (r.status === 201) {
      remember(appeal.id, { id: r.body.id, amount: r.body.amount });
      status.textContent = t('donate.redirecting');
      location.assign(r.body.payment?.url || `/donasi/${encodeURIComponent(r.body.id)}`);
      return; // stays disabled: the page is leaving
    }
    sending = false;
    submit.disabled = false;
    status.textContent = '';
    showProblem(form, r.status === 400 ? r.body : null, explain(r.status, 'donate'));
  });
}
