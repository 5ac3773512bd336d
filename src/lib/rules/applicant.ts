// Who applies (pemohon) and who the service is for (penerima) are often different people: a
// mother applies for her 12-year-old son, a village officer for an unidentified ODGJ. A service
// declares in content which identity data it needs from each (src/schemas/service.ts) and
// which documents belong to whom; these pure functions decide, for one application, what is
// asked, what is required and what is dropped. Shared by the form and the PocketBase hook.

/** How a service asks for one identity item. */
export type Requirement = 'wajib' | 'tidak_wajib' | 'tidak_diminta';

/** Identity data a service needs from the recipient, and from an applicant who is someone else. */
export interface IdentityRules {
  penerima: { nik: Requirement; nomor_kk: Requirement; tanggal_lahir: Requirement };
  pengaju: { nik: Requirement };
}

export const DEFAULT_IDENTITY: IdentityRules = {
  penerima: { nik: 'wajib', nomor_kk: 'wajib', tanggal_lahir: 'wajib' },
  pengaju: { nik: 'tidak_diminta' },
};

/** How an office names its smallest areas (site.yaml `villages`): a kota has only kelurahan. */
export type VillageKind = 'desa-kelurahan' | 'kelurahan' | 'desa';
const VILLAGE_WORDS: Record<VillageKind, string> = { 'desa-kelurahan': 'desa/kelurahan', kelurahan: 'kelurahan', desa: 'desa' };

/**
 * Who may be the applicant. These are national roles (Permensos 28/2017 for TKSK and PSM), so
 * they live here rather than in content; a service narrows them with `applicants`.
 * `mewakili` is kept for other relatives and neighbours (its records predate the other roles).
 * The village officer is named in the office's own words (`applicantRoles`).
 */
export const APPLICANT_ROLES = [
  { id: 'diri_sendiri', label: 'Saya sendiri, untuk diri saya', short: 'Penerima sendiri' },
  { id: 'orang_tua_wali', label: 'Saya orang tua atau wali penerima', short: 'Orang tua atau wali' },
  { id: 'mewakili', label: 'Saya keluarga lain, kerabat, atau tetangga penerima', short: 'Keluarga, kerabat, atau tetangga' },
  { id: 'petugas_desa', label: 'Saya perangkat desa/kelurahan', short: 'Perangkat desa/kelurahan' },
  { id: 'tksk_psm', label: 'Saya TKSK atau PSM', short: 'TKSK atau PSM' },
] as const;
export type ApplicantRole = (typeof APPLICANT_ROLES)[number]['id'];
export const APPLICANT_ROLE_IDS: readonly ApplicantRole[] = APPLICANT_ROLES.map((r) => r.id);

/** The roles with their labels in the office's words ("perangkat kelurahan" in a kota). */
export function applicantRoles(villages: VillageKind): { id: ApplicantRole; label: string; short: string }[] {
  const word = VILLAGE_WORDS[villages];
  return APPLICANT_ROLES.map((r) => (r.id === 'petugas_desa' ? { id: r.id, label: `Saya perangkat ${word}`, short: `Perangkat ${word}` } : { ...r }));
}

export function applicantRoleLabel(id: string, villages: VillageKind): string {
  return applicantRoles(villages).find((r) => r.id === id)?.short ?? id;
}

/** Age at which an Indonesian resident gets a KTP-el (UU 24/2013 Pasal 63); younger ones have KIA. */
export const KTP_AGE = 17;

/** Whole years from `born` to `today` (both YYYY-MM-DD), or null when either is not a date. */
export function ageOn(born: string, today: string): number | null {
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(born);
  const t = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!b || !t) return null;
  let age = Number(t[1]) - Number(b[1]);
  if (t[2]! + t[3]! < b[2]! + b[3]!) age -= 1;
  return age;
}

/** A document a service asks for, with whose it is and for which recipients. */
export interface PersonDocument {
  key: string;
  required: boolean;
  /** Whose document: the recipient's (default) or the applicant's own, when someone else applies. */
  of?: 'penerima' | 'pengaju' | undefined;
  /** Only for an adult recipient (e.g. KTP) or only for a child (e.g. KIA or akta kelahiran). */
  age?: 'dewasa' | 'anak' | undefined;
  /** Asked only when the applicant has one of these roles. */
  applicants?: readonly string[] | undefined;
}

export type DocumentNeed = 'wajib' | 'tidak_wajib' | 'tidak_diminta';

/**
 * What one document is for this application. An age-bound document is optional while the
 * recipient's age is unknown (no birth date given), since nobody can tell which one applies.
 */
export function documentNeed(doc: PersonDocument, who: { pemohon_adalah: string; tanggal_lahir: string }, today: string): DocumentNeed {
  if (doc.of === 'pengaju' && (who.pemohon_adalah === 'diri_sendiri' || who.pemohon_adalah === '')) return 'tidak_diminta';
  if (doc.applicants && !doc.applicants.includes(who.pemohon_adalah)) return 'tidak_diminta';
  if (doc.age) {
    const age = ageOn(who.tanggal_lahir, today);
    if (age === null) return 'tidak_wajib';
    const child = age < KTP_AGE;
    if ((doc.age === 'anak') !== child) return 'tidak_diminta';
  }
  return doc.required ? 'wajib' : 'tidak_wajib';
}

/** When a document is asked, in plain words ("" when always), for lists, the checklist and the form. */
export function documentCondition(doc: PersonDocument, villages: VillageKind): string {
  const parts: string[] = [];
  if (doc.age === 'dewasa') parts.push(`untuk penerima berusia ${KTP_AGE} tahun ke atas`);
  if (doc.age === 'anak') parts.push(`untuk penerima di bawah ${KTP_AGE} tahun`);
  if (doc.applicants) parts.push(`bila diajukan oleh ${doc.applicants.map((r) => applicantRoleLabel(r, villages).toLowerCase()).join(' atau ')}`);
  else if (doc.of === 'pengaju') parts.push('bila diajukan oleh orang lain atas nama penerima');
  return parts.join(', ');
}
