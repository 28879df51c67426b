// The receipt (/donasi/{id}), where both providers send the donor back: polls GET /donations/{id} until the status
// is final, then shows the ledger witness with a link to the entry.
import { api } from './api.js';
import { $, explain } from './dom.js';
import { loadMessages, t } from './i18n.js';
import { dateTime, rupiah } from './format.js';

const FINAL = new Set(['SETTLED', 'EXPIRED', 'FAILED', 'REFUNDED']);
await loadMessages();
const id = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const started = Date.now();
let wait = 2000;

function show(d) {
  $('#receipt').hidden = false;
  $('#r-amount').textContent = rupiah(d.amount);
  $('#r-state').textContent = t(`donation.${d.status}`);
  $('#r-provider').textContent = d.provider === 'xendit' ? 'Xendit' : 'Midtrans';
  $('#r-created').textContent = dateTime(d.createdAt);
  const appealPage = `/a/${encodeURIComponent(d.appealId)}`;
  $('#back').href = appealPage;
  $('#receipt-status').textContent = t(`receipt.says.${d.status}`);
  const payable = d.status === 'PENDING' && d.payment?.url;
  $('#r-pay').hidden = !payable;
  if (payable) $('#r-pay-link').href = d.payment.url;
  if (d.ledgerSeq) {
    $('#witness').hidden = false;
    $('#w-seq').textContent = `#${d.ledgerSeq}`;
    $('#w-hash').textContent = d.ledgerHash;
    $('#w-link').href = `${appealPage}#e${d.ledgerSeq}`;
  }
}

async function poll() {
  const r = await api('GET', `/donations/${encodeURIComponent(id)}`);
  if (r.ok) {
    show(r.body);
    if (FINAL.has(r.body.status)) return;
  } else if (r.status === 404) {
    $('#receipt-status').textContent = t('receipt.notFound');
    return;
  } else {
    $('#receipt-status').textContent = explain(r.status);
  }
  if (Date.now() - started > 30 * 60 * 1000) return; // half an hour: the pledge has long expired
  wait = Math.min(wait * 1.5, 15000);
  setTimeout(poll, wait);
}
poll();
