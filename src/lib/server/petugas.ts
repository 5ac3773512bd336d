// The staff workspace's own account routes: who is signed in (GET /api/petugas/saya) and the
// password change (POST /api/petugas/sandi). The queues are workspace.ts, the case file and
// field visits case-view.ts, the case actions' verdicts and checks case-actions.ts.
import type { CaseAccess, GantiSandi, Saya } from '../api/petugas';
import type { PortalData } from '../portal-data';
import type { RolePower } from '../../schemas/reference';
import { byId } from './common';

/** The signed-in staff account, as the route reads it from its record. */
export interface StaffAccount {
  id: string;
  nama: string;
  email: string;
  roles: string[];
  akses_kasus: string;
  wajib_ganti_sandi: boolean;
}

/** GET /api/petugas/saya: the account, its roles' labels and the union of their powers, and the office. */
export function saya(account: StaffAccount, data: PortalData): Saya {
  const powers: RolePower[] = [];
  for (const role of data.roles) {
    if (!account.roles.includes(role.id)) continue;
    for (const power of role.can) if (!powers.includes(power)) powers.push(power);
  }
  const access: CaseAccess = account.akses_kasus === 'semua' || account.akses_kasus === 'ditugaskan' ? account.akses_kasus : 'tidak';
  return {
    id: account.id,
    nama: account.nama,
    email: account.email,
    peran: account.roles.map((id) => ({ id, label: byId(data.roles, id)?.label ?? id })),
    wewenang: powers,
    akses_kasus: access,
    wajib_ganti_sandi: account.wajib_ganti_sandi,
    kantor: { nama: data.site.officeName, zona: data.site.timeZone as Saya['kantor']['zona'], prefiks: data.site.trackingPrefix },
  };
}

/**
 * POST /api/petugas/sandi: what is wrong with a password change, per field ({} when none). A new
 * password is 10 to 72 characters, not the old one and not containing the account's name.
 * `oldMatches` is the database's verdict on the old password.
 */
export function passwordChangeErrors(input: Partial<Record<keyof GantiSandi, unknown>>, email: string, oldMatches: boolean): Partial<Record<keyof GantiSandi, string>> {
  const next = String(input.sandi_baru ?? '');
  const old = String(input.sandi_lama ?? '');
  const errors: Partial<Record<keyof GantiSandi, string>> = {};
  if (!oldMatches) errors.sandi_lama = 'Kata sandi lama salah.';
  if (next.length < 10) errors.sandi_baru = 'Kata sandi baru paling sedikit 10 karakter.';
  else if (next.length > 72) errors.sandi_baru = 'Kata sandi baru paling banyak 72 karakter.';
  else if (next === old) errors.sandi_baru = 'Kata sandi baru harus berbeda dari yang lama.';
  else if (next.toLowerCase().includes(email.split('@')[0]!.toLowerCase())) errors.sandi_baru = 'Kata sandi baru jangan memuat nama akun Anda.';
  if (!errors.sandi_baru && String(input.sandi_baru_ulang ?? '') !== next) errors.sandi_baru_ulang = 'Ulangi kata sandi baru dengan tepat sama.';
  return errors;
}
