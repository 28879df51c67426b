// The officers' console (/petugas). The token is kept in sessionStorage (this tab only) and dropped when it expires;
// it never goes into a URL or localStorage. Every refusal is said in words a social worker understands.
// Sign-in: the local stack's issuer, or in AWS the Cognito Hosted UI (auth.js; /config.json decides).
import { api, newKey } from './api.js';
import { beginCognito, claims, cognitoLogout, finishCognito, signInConfig } from './auth.js';
import { $, clearErrors, explain, fieldError, h, showProblem } from './dom.js';
import { loadMessages, t } from './i18n.js';
import { amountField, dateTime, digits, rupiah } from './format.js';
import { loadRegions, regionName, regionPicker } from './regions.js';

const STORE = 'peduli.officer';
await loadMessages();
await loadRegions();
const config = await signInConfig();
const cognito = config?.signIn === 'cognito' ? config.cognito : null;
let session = null;
let expiry = null;
let cursor = null;
let current = null;
let disburseKey = newKey();

// ---- session

function readSession() {
  try {
    const s = JSON.parse(sessionStorage.getItem(STORE) ?? 'null');
    return s && s.exp * 1000 > Date.now() ? s : null;
  } catch {
    return null;
  }
}

function signOut(messageKey) {
  sessionStorage.removeItem(STORE);
  session = null;
  clearTimeout(expiry);
  $('#console').hidden = true;
  $('#signin').hidden = false;
  say(messageKey ? t(messageKey) : '', messageKey === 'officer.expired');
}

/** A message above the console: good news in green, a refusal (bad) in red. */
function say(text, bad = false) {
  const m = $('#o-message');
  m.className = bad ? 'alert' : 'notice';
  m.textContent = text;
  m.hidden = !text;
  if (text) m.focus();
}

function start(s) {
  session = s;
  clearTimeout(expiry);
  expiry = setTimeout(() => signOut('officer.expired'), s.exp * 1000 - Date.now());
  $('#signin').hidden = true;
  $('#console').hidden = false;
  const regions = s.groups.filter((g) => g.startsWith('officer:')).map((g) => regionName(g.slice(8)));
  $('#who').textContent = t('officer.who', { sub: s.sub, regions: regions.join(', ') || '—' });
  route();
}

/** Words for a refused officer request; a 401 also ends the session (it expired or was refused). */
function refusal(status, context) {
  if (status === 401) {
    signOut('officer.expired');
    return t('error.officer.401');
  }
  return explain(status, context);
}

async function call(method, path, options = {}) {
  return api(method, path, { ...options, token: session?.token });
}

// ---- queue

async function loadQueue(reset) {
  if (reset) {
    cursor = null;
    $('#q-list').replaceChildren();
  }
  $('#q-more').hidden = true;
  $('#q-info').textContent = t('home.loading');
  const q = new URLSearchParams({ status: $('#q-status').value, limit: '20' });
  if (cursor) q.set('cursor', cursor);
  const r = await call('GET', `/admin/appeals?${q}`);
  if (!r.ok) {
    $('#q-info').textContent = refusal(r.status, 'queue');
    return;
  }
  $('#q-list').append(...r.body.items.map((a) => h('li', { class: 'card' },
    h('h3', {}, h('a', { href: `#kasus/${encodeURIComponent(a.id)}` }, a.patientName)),
    h('p', { class: 'muted' }, `${a.regionName} · ${a.hospital}`),
    h('p', {}, t('officer.reported', { at: dateTime(a.createdAt) }), ' · ', rupiah(a.targetAmount)))));
  cursor = r.body.nextCursor;
  $('#q-more').hidden = !cursor;
  const n = $('#q-list').children.length;
  $('#q-info').textContent = n ? t('officer.queueCount', { count: n }) : t('officer.queueEmpty');
}

// ---- one appeal

const facts = (pairs) => pairs.filter(([, v]) => v !== undefined && v !== null && v !== '')
  .flatMap(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)]);

function render(v) {
  current = v;
  $('#c-name').textContent = v.patientName;
  $('#c-region').textContent = `${v.regionName} (${v.regionCode})`;
  $('#c-status').textContent = t(`appealStatus.${v.status}`);
  $('#c-identity').replaceChildren(...facts([['officer.nik', v.patient.nik], ['officer.birthDate', v.patient.birthDate],
    ['officer.address', v.patient.address], ['officer.bpjs', t(`bpjs.${v.bpjsStatus}`)]]));
  $('#c-reporter').replaceChildren(...facts([['officer.reporterName', v.reporter.name], ['officer.phone', v.reporter.phone],
    ['officer.relationship', v.reporter.relationship]]));
  $('#c-need').replaceChildren(...facts([['appeal.diagnosis', v.diagnosis], ['appeal.hospital', v.hospital],
    ['officer.target', rupiah(v.targetAmount)], ['officer.raised', rupiah(v.raisedAmount)]]));
  $('#c-story').textContent = v.story;
  const alerts = [];
  if (v.possibleDuplicates?.length) {
    alerts.push(h('div', { class: 'alert' }, t('officer.duplicates'), ' ',
      ...v.possibleDuplicates.flatMap((d, i) => [i ? ', ' : '', h('a', { href: `#kasus/${encodeURIComponent(d)}` }, d)])));
  }
  for (const a of v.anomalies ?? []) {
    alerts.push(h('div', { class: 'alert' }, t('officer.anomaly', { type: a.type, provider: a.provider,
      expected: rupiah(a.expectedAmount), paid: rupiah(a.paidAmount), at: dateTime(a.at) })));
  }
  $('#c-alerts').replaceChildren(...alerts);
  $('#c-history').replaceChildren(...(v.history.length ? v.history.map((e) => h('li', { class: 'card' },
    h('p', {}, h('strong', {}, t(`action.${e.action}`)), ` · ${dateTime(e.at)} · ${e.actor}`),
    e.toRegionCode ? h('p', {}, t('officer.referred', { from: regionName(e.fromRegionCode), to: regionName(e.toRegionCode) })) : null,
    e.reason ? h('p', { class: 'muted' }, t('tracking.reason', { reason: e.reason })) : null))
    : [h('li', {}, t('tracking.noEvents'))]));

  const choices = v.status === 'SUBMITTED' ? ['VERIFY', 'REJECT', 'REFER']
    : v.status === 'VERIFIED' || v.status === 'FUNDED' ? ['CLOSE'] : [];
  $('#decide').hidden = !choices.length;
  $('#d-decision').replaceChildren(...choices.map((c) => h('option', { value: c }, t(`decision.${c}`))));
  decisionChanged();
  clearErrors($('#decide'));
  const canDisburse = v.status === 'VERIFIED' || v.status === 'FUNDED';
  $('#disburse').hidden = !canDisburse;
  if (canDisburse) balance(v.id);
}

async function balance(id) {
  const r = await api('GET', `/appeals/${encodeURIComponent(id)}/ledger?limit=1`);
  $('#c-balance').textContent = r.ok ? t('officer.balance', { balance: rupiah(r.body.totals.balance) }) : '';
}

/**
 * A READY document shown in place, under its line: an image as an image, a PDF in a frame, with a link to open it
 * alone. Links live five minutes, so each opening asks for the list again and uses a fresh one.
 */
function viewer(id, d) {
  const box = h('div', { class: 'viewer', id: `v-${d.id}`, hidden: true });
  const label = `${t(`doc.${d.kind}`)} — ${current?.patientName ?? ''}`;
  const toggle = h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false', 'aria-controls': `v-${d.id}` },
    t('officer.view'));
  toggle.addEventListener('click', async () => {
    if (!box.hidden) {
      box.hidden = true;
      box.replaceChildren();
      toggle.setAttribute('aria-expanded', 'false');
      toggle.textContent = t('officer.view');
      return;
    }
    toggle.disabled = true;
    const r = await call('GET', `/admin/appeals/${encodeURIComponent(id)}/documents`);
    toggle.disabled = false;
    const url = r.ok ? r.body.items.find((x) => x.id === d.id)?.url : null;
    if (!url) {
      box.replaceChildren(h('p', { class: 'alert' }, r.ok ? t('officer.viewGone') : refusal(r.status, 'documents')));
    } else {
      const pdf = d.contentType === 'application/pdf';
      box.replaceChildren(pdf
        ? h('iframe', { src: url, title: label, class: 'doc-frame' })
        : h('img', { src: url, alt: label, class: 'doc-image' }),
      pdf ? h('p', { class: 'hint' }, t('officer.pdfHint')) : null,
      h('p', {}, h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, t('officer.open'))));
    }
    box.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    toggle.textContent = t('officer.hide');
  });
  return [toggle, box];
}

async function documents(id) {
  const list = $('#c-documents');
  list.replaceChildren(h('li', {}, t('home.loading')));
  const r = await call('GET', `/admin/appeals/${encodeURIComponent(id)}/documents`);
  if (!r.ok) {
    // Until the documents route is deployed (or for any other refusal) the rest of the view still works.
    list.replaceChildren(h('li', { class: 'muted' }, r.status === 404 ? t('officer.noDocumentsRoute') : refusal(r.status, 'documents')));
    return;
  }
  list.replaceChildren(...(r.body.items.length ? r.body.items.map((d) => h('li', { class: 'card', id: `doc-${d.id}` },
    h('p', {}, h('strong', {}, t(`doc.${d.kind}`)), ` · ${t(`docStatus.${d.status}`)}`),
    h('p', { class: 'muted' }, `${dateTime(d.createdAt)} · ${d.uploadedBy === 'REPORTER' ? t('officer.byReporter') : d.uploadedBy}`),
    d.status === 'READY' ? viewer(id, d) : null))
    : [h('li', { class: 'muted' }, t('tracking.noDocuments'))]));
}

async function open(id) {
  $('#queue').hidden = true;
  $('#case').hidden = false;
  say('');
  const r = await call('GET', `/admin/appeals/${encodeURIComponent(id)}`);
  if (!r.ok) {
    $('#case').hidden = true;
    $('#queue').hidden = false;
    say(refusal(r.status, 'view'), true);
    return;
  }
  render(r.body);
  documents(id);
  $('#c-name').focus();
}

function route() {
  if (!session) return;
  const m = location.hash.match(/^#kasus\/(.+)$/);
  if (m) open(decodeURIComponent(m[1]));
  else {
    $('#case').hidden = true;
    $('#queue').hidden = false;
    loadQueue(true);
  }
}

// ---- decisions and disbursements

function decisionChanged() {
  const d = $('#d-decision').value;
  $('#d-checks').hidden = d !== 'VERIFY';
  $('#d-refer').hidden = d !== 'REFER';
}

$('#decide').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  clearErrors(form);
  const decision = $('#d-decision').value;
  const body = { decision };
  const reason = $('#d-reason').value.trim();
  if (reason) body.reason = reason;
  if (decision !== 'VERIFY' && !reason) fieldError(form, '/reason', t('officer.err.reason'));
  if (decision === 'REFER') {
    body.toRegionCode = $('#d-regency').value;
    if (!body.toRegionCode) fieldError(form, '/toRegionCode', t('officer.err.region'));
    else if (body.toRegionCode === current.regionCode) fieldError(form, '/toRegionCode', t('officer.err.sameRegion'));
  }
  if (decision === 'VERIFY') {
    body.checks = Object.fromEntries(['identity', 'residence', 'medical', 'bpjs']
      .map((c) => [c, form.querySelector(`input[name=${c}]`).checked]));
  }
  if (form.querySelector('[aria-invalid=true]')) return void showProblem(form, null, '');
  $('#d-submit').disabled = true;
  const r = await call('POST', `/admin/appeals/${encodeURIComponent(current.id)}/decisions`, { body });
  $('#d-submit').disabled = false;
  if (!r.ok) return void showProblem(form, r.status === 400 ? r.body : null, refusal(r.status, 'decision'));
  form.reset();
  if (decision === 'REFER') {
    location.hash = '';
    say(t('officer.done.REFER', { region: regionName(body.toRegionCode) }));
    return;
  }
  render(r.body);
  say(t(`officer.done.${decision}`));
});

$('#disburse').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  clearErrors(form);
  const body = { amount: Number(digits($('#b-amount').value)), recipient: $('#b-recipient').value.trim(),
    reference: $('#b-reference').value.trim() };
  const note = $('#b-note').value.trim();
  if (note) body.note = note;
  if (!body.amount) fieldError(form, '/amount', t('officer.err.amount'));
  if (body.recipient.length < 2) fieldError(form, '/recipient', t('report.err.required'));
  if (!body.reference) fieldError(form, '/reference', t('report.err.required'));
  if (form.querySelector('[aria-invalid=true]')) return void showProblem(form, null, '');
  $('#b-submit').disabled = true;
  const r = await call('POST', `/admin/appeals/${encodeURIComponent(current.id)}/disbursements`,
    { body, headers: { 'Idempotency-Key': disburseKey } });
  $('#b-submit').disabled = false;
  if (r.status !== 201) return void showProblem(form, r.status === 400 ? r.body : null, refusal(r.status, 'disbursement'));
  disburseKey = newKey(); // recorded: the next disbursement is a new one
  form.reset();
  say(t('officer.done.disbursed', { seq: r.body.seq, amount: rupiah(r.body.amount), recipient: r.body.recipient }));
  balance(current.id);
});

// ---- sign-in (locally through POST /_local/token; in AWS the Cognito user pool issues the token)

const chosenRegion = await regionPicker($('#s-province'), $('#s-regency'), '',
  { province: 'region.pickProvince', regency: 'officer.wholeProvince' });
await regionPicker($('#d-province'), $('#d-regency'), '', { province: 'region.pickProvince', regency: 'region.pickRegency' });

$('#signin').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  clearErrors(form);
  if (cognito) return void beginCognito(cognito);
  if (!config) return void showProblem(form, null, t('officer.noConfig'));
  const sub = $('#s-sub').value.trim();
  const region = chosenRegion();
  if (!sub) fieldError(form, '/sub', t('report.err.required'));
  if (!region) fieldError(form, '/groups', t('officer.err.region'));
  if (form.querySelector('[aria-invalid=true]')) return void showProblem(form, null, '');
  const groups = [`officer:${region}`];
  const r = await api('POST', '/_local/token', { body: { sub, groups, ttlSeconds: 3600 } });
  if (!r.ok) return void showProblem(form, r.status === 400 ? r.body : null, explain(r.status, 'signin'));
  const c = claims(r.body.token);
  const s = { token: r.body.token, exp: c.exp, sub: c.sub ?? sub, groups: c['cognito:groups'] ?? groups };
  sessionStorage.setItem(STORE, JSON.stringify(s));
  form.reset();
  start(s);
});

$('#signout').addEventListener('click', () => {
  const wasCognito = session?.cognito;
  signOut('officer.signedOut');
  if (wasCognito && cognito) cognitoLogout(cognito); // end the Hosted UI's session too
});
$('#q-status').addEventListener('change', () => loadQueue(true));
$('#q-more').addEventListener('click', () => loadQueue(false));
$('#d-decision').addEventListener('change', decisionChanged);
$('#c-back').addEventListener('click', (e) => {
  e.preventDefault();
  location.hash = '';
});
amountField($('#b-amount'));
addEventListener('hashchange', route);

$('#local-fields').hidden = Boolean(cognito);
$('#cognito-note').hidden = !cognito;
const back = cognito ? await finishCognito(cognito) : null;
if (back?.session) {
  sessionStorage.setItem(STORE, JSON.stringify(back.session));
  start(back.session);
} else if (back?.error) {
  signOut();
  say(t(back.error), true);
} else {
  const saved = readSession();
  if (saved) start(saved);
  else signOut();
}
