// The donate form. One Idempotency-Key per form, reused by every retry, and one request at a time, so a double
// click or a retry after a lost answer never makes a second pledge. On 201 the donor goes to payment.url.
import { api, newKey } from './api.js';
import { clearErrors, explain, fieldError, showProblem } from './dom.js';
import { t } from './i18n.js';
import { amountField, digits } from './format.js';

export const MIN = 10_000;
export const MAX = 100_000_000;

export function wireDonate(form, appeal) {
  if (appeal.status !== 'VERIFIED') {
    const closed = document.getElementById('donate-closed');
    closed.textContent = t(`donate.closed.${appeal.status}`);
    closed.hidden = false;
    return;
  }
  form.hidden = false;
  const key = newKey();
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
