// The NIK rules of API.md, checked in the browser before sending so a reporter hears about a typo at once. The server
// stays the judge: it also checks that digits 1-6 name an existing district, which is checked here only down to the
// province and regency (the district list is not shipped to the browser).
import { t } from './i18n.js';

/** The problems with nik (each its own message), given the regions table and the birth date "YYYY-MM-DD" or ''. */
export function nikProblems(nik, birthDate, regions) {
  if (!/^\d{16}$/.test(nik)) return [t('nik.digits')];
  const problems = [];
  const province = nik.slice(0, 2);
  const regency = `${province}.${nik.slice(2, 4)}`;
  if (!regions[province] || !regions[regency]) problems.push(t('nik.region', { code: regency }));
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const year = Number(nik.slice(10, 12));
  if (day > 40) day -= 40; // women: 40 is added to the day
  const valid = day >= 1 && day <= 31 && month >= 1 && month <= 12;
  if (!valid) problems.push(t('nik.date'));
  else if (/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) {
    const [y, m, d] = birthDate.split('-').map(Number);
    if (d !== day || m !== month || y % 100 !== year) problems.push(t('nik.birthDate'));
  }
  if (nik.slice(12) === '0000') problems.push(t('nik.serial'));
  return problems;
}
