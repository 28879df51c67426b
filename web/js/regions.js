// Provinces and regencies/cities (Kemendagri codes), shipped as web/data/wilayah.json: {"64":"Kalimantan Timur",
// "64.74":"Kota Bontang", ...}, generated from the project's wilayah-kemendagri-2025.csv (levels 1 and 2).
import { h } from './dom.js';
import { t } from './i18n.js';

let table = null;

export async function loadRegions() {
  if (!table) table = await (await fetch('/data/wilayah.json')).json();
  return table;
}

export const regionName = (code) => table?.[code] ?? code;
export const provinces = () => Object.keys(table).filter((c) => !c.includes('.'));
export const regencies = (province) => Object.keys(table).filter((c) => c.startsWith(`${province}.`));

function fill(select, codes, emptyKey) {
  select.replaceChildren(h('option', { value: '' }, t(emptyKey)), ...codes.map((c) => h('option', { value: c }, table[c])));
}

/**
 * A province select that fills its regency select. initial: a province or regency code to start from.
 * Answers a function giving the chosen code (the regency if one is chosen, else the province, else '').
 */
export async function regionPicker(provinceSelect, regencySelect, initial = '', keys = {}) {
  const k = { province: 'region.allProvinces', regency: 'region.allRegencies', ...keys };
  await loadRegions();
  fill(provinceSelect, provinces(), k.province);
  const province = initial.split('.')[0];
  const refill = () => {
    const p = provinceSelect.value;
    fill(regencySelect, p ? regencies(p) : [], p ? k.regency : 'region.pickProvinceFirst');
    regencySelect.disabled = !p;
  };
  provinceSelect.value = province && table[province] ? province : '';
  refill();
  if (initial.includes('.') && table[initial]) regencySelect.value = initial;
  provinceSelect.addEventListener('change', refill);
  // form.reset() puts the province back without a change event: refill once it has.
  provinceSelect.form?.addEventListener('reset', () => setTimeout(refill));
  return () => regencySelect.value || provinceSelect.value;
}
