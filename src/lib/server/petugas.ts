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

/** A role's label from content, or its id. */
export function roleLabel(data: PortalData, id: string): string {
  return byId(data.roles, id)?.label ?? id;
}

/** semua (office roles that read cases), ditugaskan (field roles), or tidak. */
export function caseAccess(roles: readonly string[], fieldRoles: readonly string[], caseRoles: readonly string[]): CaseAccess {
  if (roles.some((r) => caseRoles.includes(r))) return 'semua';
  if (roles.some((r) => fieldRoles.includes(r))) return 'ditugaskan';
  return 'tidak';
}

/** An account's case access from its roles, as content/reference/roles.yaml defines them. */
export function caseAccessOf(data: PortalData, roles: readonly string[]): CaseAccess {
  const field = data.roles.filter((r) => r.account && r.field).map((r) => r.id);
  const office = data.roles.filter((r) => r.account && !r.field && r.cases).map((r) => r.id);
  return caseAccess(roles, field, office);
}

/** Whether one of these roles holds the power (roles.yaml `can`). */
export function hasPower(data: PortalData, roles: readonly string[], power: RolePower): boolean {
  return roles.some((id) => byId(data.roles, id)?.can.includes(power) ?? false);
}

/** What the history shows: "Rina Marlina, Petugas layanan (front office)" (role labels carry brackets of their own). */
export function actorLabel(data: PortalData, nama: string, roles: readonly string[]): string {
  return nama + ', ' + roles.map((r) => roleLabel(data, r)).join(' dan ');
}
