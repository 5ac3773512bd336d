// The staff workflow's rules, shared by the PocketBase hooks and the tests: which status may
// follow which (from content/reference/statuses.yaml), which need a reason for the applicant,
// and what a change to a request means for the audit trail.

export interface StatusRule {
  id: string;
  label: string;
  next: string[];
  needsReason: boolean;
  closed: boolean;
}

export interface FieldProblem {
  field: string;
  message: string;
}

function quoted(statuses: readonly StatusRule[], id: string): string {
  return `“${statuses.find((s) => s.id === id)?.label ?? id}”`;
}

/** Why a status change is not allowed, or null when it is. */
export function transitionProblem(statuses: readonly StatusRule[], from: string, to: string, publicNote: string, noteChanged: boolean): FieldProblem | null {
  if (from === to) return null;
  const target = statuses.find((s) => s.id === to);
  if (!target) return { field: 'status', message: 'Status tidak dikenal.' };
  const current = statuses.find((s) => s.id === from);
  if (current?.closed) {
    return { field: 'status', message: `Permohonan sudah ${quoted(statuses, from)}; statusnya tidak dapat diubah lagi.` };
  }
  if (current && !current.next.includes(to)) {
    const options = current.next.map((id) => quoted(statuses, id)).join(', ');
    return { field: 'status', message: `Status tidak dapat berubah dari ${quoted(statuses, from)} langsung ke ${quoted(statuses, to)}. Pilihan berikutnya: ${options}.` };
  }
  if (target.needsReason && (!noteChanged || publicNote.trim().length < 10)) {
    return { field: 'catatan_publik', message: `Tulis alasan untuk pemohon (paling sedikit 10 karakter) di Catatan publik sebelum mengubah status menjadi ${quoted(statuses, to)}.` };
  }
  return null;
}

/** Fields with the applicant's data: a change is recorded by name only, never with old values. */
export const APPLICANT_FIELDS = ['nama_lengkap', 'nik', 'nomor_kk', 'tanggal_lahir', 'telepon', 'kecamatan', 'desa_kelurahan', 'alamat', 'pemohon_adalah', 'nama_pengaju', 'hubungan', 'nik_pengaju'] as const;

/** Fields staff may never change: they identify the request or prove consent. */
export const LOCKED_FIELDS = ['kode_lacak', 'id_pengiriman', 'layanan', 'persetujuan_versi', 'persetujuan_waktu', 'jawaban_kelayakan'] as const;

export const VERIFICATION_FIELDS = ['hasil_verifikasi', 'tanggal_verifikasi', 'catatan_verifikasi', 'foto_verifikasi'] as const;

export type EventKind = 'status' | 'catatan' | 'penugasan' | 'verifikasi' | 'perubahan_data';

/** The audit entries an update makes, given the names of the fields that changed. */
export function eventKinds(changed: readonly string[], documentKeys: readonly string[]): { kind: EventKind; fields: string[] }[] {
  const has = (f: string) => changed.includes(f);
  const events: { kind: EventKind; fields: string[] }[] = [];
  if (has('status')) events.push({ kind: 'status', fields: ['status'] });
  else if (has('catatan_publik') || has('catatan_internal')) events.push({ kind: 'catatan', fields: changed.filter((f) => f === 'catatan_publik' || f === 'catatan_internal') });
  if (has('petugas_lapangan')) events.push({ kind: 'penugasan', fields: ['petugas_lapangan'] });
  const verification = VERIFICATION_FIELDS.filter((f) => has(f));
  if (verification.length) events.push({ kind: 'verifikasi', fields: [...verification] });
  const data = [...APPLICANT_FIELDS, ...documentKeys, 'kategori_ppks'].filter((f) => has(f));
  if (data.length) events.push({ kind: 'perubahan_data', fields: data });
  return events;
}
