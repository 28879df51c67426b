// The appeal page (/a/{id}): rendered on the server with its Open Graph tags and first view, the donate form, the
// ledger's totals and its first entries included; here the ledger is read from the API and recomputed, every entry
// shown is checked against the one verified, and the donate form wired.
import { api } from './api.js';
import { $, h, explain } from './dom.js';
import { lang, loadMessages, t } from './i18n.js';
import { dateTime, percent, rupiah } from './format.js';
import { ChainCheck } from './ledger.js';
import { wireDonate } from './donate.js';

await loadMessages();
const id = decodeURIComponent(location.pathname.split('/')[2] ?? '');
let appeal = null;
try {
  appeal = JSON.parse($('#appeal-data')?.textContent ?? '');
} catch { /* served without the renderer: read the API instead */ }
if (!appeal || appeal.id !== id) {
  const r = await api('GET', `/appeals/${encodeURIComponent(id)}`);
  appeal = r.ok ? r.body : null;
}

function summary(a) {
  document.title = t('appeal.title', { patientName: a.patientName });
  $('#heading').textContent = t('appeal.heading', { patientName: a.patientName });
  $('#region').textContent = a.regionName;
  $('#status').textContent = t(`status.${a.status}`);
  $('#progress').value = percent(a.raisedAmount, a.targetAmount);
  $('#progress').textContent = `${percent(a.raisedAmount, a.targetAmount)}%`;
  $('#progress-text').textContent = t('appeal.progress', { raised: rupiah(a.raisedAmount), target: rupiah(a.targetAmount) });
  $('#count-text').textContent = t('appeal.donations', { count: a.donationCount });
  $('#diagnosis').textContent = a.diagnosis;
  $('#hospital').textContent = a.hospital;
  $('#story').textContent = a.story;
  $('#verified-at').textContent = dateTime(a.verifiedAt);
}

function entry(e) {
  const out = e.type === 'DISBURSEMENT';
  const what = out ? t('ledger.disbursed', { recipient: e.recipient })
    : e.type === 'REFUND' ? t('ledger.refunded', { name: e.donorName }) : t('ledger.donation', { name: e.donorName });
  return h('li', { id: `e${e.seq}`, class: out || e.type === 'REFUND' ? 'out' : null },
    h('div', { class: 'row' }, h('strong', {}, `#${e.seq}`), h('span', {}, what),
      h('span', { class: 'amount' }, `${out || e.type === 'REFUND' ? '−' : '+'}${rupiah(e.amount)}`)),
    e.message ? h('p', {}, `“${e.message}”`) : null,
    h('p', { class: 'muted' }, dateTime(e.at), out ? ` · ${t('ledger.reference', { reference: e.reference })}` : ''),
    h('p', { class: 'hash' }, `hash ${e.hash}`));
}

function totals(x) {
  const row = (key, value) => [h('dt', {}, t(key)), h('dd', { class: 'money' }, rupiah(value))];
  $('#totals').replaceChildren(...row('ledger.donated', x.donated), ...row('ledger.refundedTotal', x.refunded),
    ...row('ledger.disbursedTotal', x.disbursed), ...row('ledger.balance', x.balance));
}

const shown = new Set();

/**
 * Shows entry e of the API's ledger: the entry served with the page stays where it is when it reads exactly as this
 * one (so the list does not move), and is replaced when it does not; entries the page did not have are appended.
 */
function show(list, e) {
  const fresh = entry(e);
  const served = document.getElementById(fresh.id);
  if (!served) list.append(fresh);
  else if (served.textContent !== fresh.textContent || served.className !== fresh.className) served.replaceWith(fresh);
  shown.add(fresh.id);
}

/** Entries drawn at first, as many as the page serves, and added per press of "more": a phone draws a long ledger
 * in steps, while the whole of it is read and recomputed. */
const FIRST = 20;
const STEP = 50;

async function ledger() {
  const chain = new ChainCheck();
  const list = $('#ledger');
  const read = []; // every entry read so far, in order
  let drawn = 0;
  const draw = (upTo) => {
    for (; drawn < Math.min(upTo, read.length); drawn++) show(list, read[drawn]);
  };
  let cursor = null;
  let last = null;
  do {
    const q = new URLSearchParams({ limit: '100' });
    if (cursor) q.set('cursor', cursor);
    const r = await api('GET', `/appeals/${encodeURIComponent(id)}/ledger?${q}`);
    if (!r.ok) {
      $('#chain').replaceChildren(h('p', { class: 'alert' }, explain(r.status)));
      return;
    }
    last = r.body;
    read.push(...last.items);
    draw(FIRST);
    await chain.add(last.items);
    cursor = last.nextCursor;
  } while (cursor && !chain.broken);
  if (!cursor) { // read to the end: nothing the API does not have stays on the page
    [...list.children].filter((li) => !shown.has(li.id)).forEach((li) => li.remove());
  }
  totals(last.totals);
  chain.finish(last.totals);
  const linked = /^#e\d+$/.test(location.hash) ? Number(location.hash.slice(2)) : 0; // a receipt's witness
  draw(Math.max(linked, chain.broken?.seq ?? 0));
  const more = h('button', { type: 'button', class: 'secondary', id: 'ledger-more' });
  const label = () => {
    more.hidden = drawn >= read.length;
    more.textContent = t('ledger.more', { count: Math.min(STEP, read.length - drawn) });
  };
  more.addEventListener('click', () => { draw(drawn + STEP); label(); });
  label();
  list.after(more);
  if (chain.broken) {
    $('#chain').replaceChildren(h('div', { class: 'alert', role: 'alert' },
      h('strong', {}, t('ledger.broken')), ' ',
      t(`ledger.broken.${chain.broken.reason}`, { seq: chain.broken.seq })));
    $(`#e${chain.broken.seq}`)?.classList.add('broken');
    const top = $('#chain-warning'); // the ledger is far down a phone screen: say it at the top too
    top.replaceChildren(h('strong', {}, t('ledger.broken')), ' ', h('a', { href: '#ledger-heading' }, t('ledger.brokenTop')));
    top.hidden = false;
  } else {
    $('#chain').replaceChildren(h('span', { class: 'badge ok', id: 'chain-ok' }, `✓ ${t('ledger.verified')}`), ' ',
      h('span', { class: 'muted' }, chain.seq ? t('ledger.verifiedCount', { count: chain.seq }) : t('ledger.empty')));
  }
  if (linked) $(location.hash)?.scrollIntoView();
}

// Back from the payment page or the receipt, a page restored from the back/forward cache would show the totals and
// ledger of before the payment: load it afresh.
addEventListener('pageshow', (e) => { if (e.persisted) location.reload(); });

if (appeal) {
  if (lang !== 'id') summary(appeal);
  wireDonate($('#donate'), appeal);
  ledger();
}
