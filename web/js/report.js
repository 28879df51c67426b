// Report a patient (/lapor): POST /appeals with one Idempotency-Key per form, client checks that mirror the
// server's NIK rules, the server's pointers shown at the fields; then documents, and the tracking link whose
// reporter token lives only in the URL fragment (#t=…), which browsers never send to a server.
import { api, newKey } from './api.js';
import { $, clearErrors, explain, fieldError, showProblem } from './dom.js';
import { loadMessages, t } from './i18n.js';
import { amountField, digits } from './format.js';
import { loadRegions, regionPicker } from './regions.js';
import { nikProblems } from './nik.js';
import { wireUploads } from './uploads.js';

await loadMessages();
const regions = await loadRegions();
await regionPicker($('#r-province'), $('#r-regency'), '',
  { province: 'region.pickProvince', regency: 'region.pickRegency' });
const form = $('#report');
const key = newKey();
let sending = false;
amountField($('#target'));
$('#p-nik').addEventListener('input', (e) => { e.target.value = digits(e.target.value).slice(0, 16); });

const value = (sel) => $(sel).value.trim();

function body() {
  return {
    patient: { name: value('#p-name'), nik: value('#p-nik'), birthDate: value('#p-birth'), address: value('#p-address') },
    regionCode: $('#r-regency').value,
    diagnosis: value('#diagnosis'),
    hospital: value('#hospital'),
    story: value('#story'),
    bpjsStatus: $('#bpjs').value,
    targetAmount: Number(digits($('#target').value)),
    reporter: { name: value('#rep-name'), phone: value('#rep-phone').replace(/[\s-]/g, ''),
      ...(value('#rep-rel') ? { relationship: value('#rep-rel') } : {}) },
  };
}

/** The checks a browser can make; each failed one is shown at its field. */
function check(b) {
  const errors = [];
  const need = (pointer, v, min = 2) => { if (!v || v.length < min) errors.push([pointer, t('report.err.required')]); };
  need('/patient/name', b.patient.name);
  for (const p of nikProblems(b.patient.nik, b.patient.birthDate, regions)) errors.push(['/patient/nik', p]);
  if (!b.patient.birthDate) errors.push(['/patient/birthDate', t('report.err.required')]);
  need('/patient/address', b.patient.address);
  if (!b.regionCode) errors.push(['/regionCode', t('report.err.regency')]);
  need('/diagnosis', b.diagnosis);
  need('/hospital', b.hospital);
  need('/story', b.story, 1);
  if (!(b.targetAmount >= 100_000 && b.targetAmount <= 2_000_000_000)) errors.push(['/targetAmount', t('report.err.target')]);
  need('/reporter/name', b.reporter.name);
  const phoneDigits = b.reporter.phone.replace(/^\+/, '');
  if (!/^(\+62|08)\d+$/.test(b.reporter.phone) || phoneDigits.length < 9 || phoneDigits.length > 15) {
    errors.push(['/reporter/phone', t('report.err.phone')]);
  }
  return errors;
}

function after(id, token) {
  form.hidden = true;
  $('#after').hidden = false;
  const link = `${location.origin}/lapor/${encodeURIComponent(id)}#t=${encodeURIComponent(token ?? '')}`;
  $('#tracking-link').href = link;
  $('#tracking-link').textContent = link;
  $('#tracking-go').href = link;
  $('#tracking-go').parentElement.hidden = !token;
  if (token) wireUploads($('#upload'), $('#uploads'), `/appeals/${encodeURIComponent(id)}`, { 'X-Reporter-Token': token });
  else {
    // An API without reporter tokens (before v1.1): nothing to follow or upload with.
    for (const sel of ['#docs', '#keep-link', '#tracking-go']) $(sel).hidden = true;
    $('#no-tracking').hidden = false;
  }
  $('#after-heading').focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (sending) return;
  clearErrors(form);
  const b = body();
  const errors = check(b);
  if (errors.length) {
    errors.forEach(([pointer, message]) => fieldError(form, pointer, message));
    showProblem(form, null, '');
    return;
  }
  sending = true;
  $('#report-submit').disabled = true;
  $('#report-status').textContent = t('report.sending');
  const r = await api('POST', '/appeals', { body: b, headers: { 'Idempotency-Key': key } });
  sending = false;
  $('#report-submit').disabled = false;
  $('#report-status').textContent = '';
  if (r.status === 201) after(r.body.id, r.body.reporterToken);
  else showProblem(form, r.status === 400 ? r.body : null, explain(r.status, 'report'));
});
