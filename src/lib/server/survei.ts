// The satisfaction survey (SKM) under /api/lacak/{kode}/survei: which request a code belongs to,
// whether that request may be rated now, and the answer's checks. The check and the answer
// route share `checkSurvey`, so both give the same answer.
//
// An answer is unlinkable to the applicant: the database side stores no tracking code, only a
// keyed one-way value of it (pb_hooks/lib/secret.js) that stops a second answer for the same
// code, and only the month it was given.
import type { AlasanSurvei, SurveiCek, SurveiTerkirim } from '../api/lacak';
import type { PortalData } from '../portal-data';
import { RESPONDENT_FIELDS, UNSUR, validateSurvey } from '../rules/ikm';
import { normaliseCode } from '../rules/tracking-code';
import { SUBMISSION_ID, SUBMISSION_ID_MESSAGE } from '../rules/text';
import { zoneOffsetHours } from '../rules/working-time';
import { byId, type Refusals } from './common';

export const SURVEY_MESSAGES: Record<AlasanSurvei, string> = {
  kode_kosong: 'Tulis kode pelacakan permohonan Anda.',
  tidak_ditemukan: 'Kode pelacakan tidak ditemukan. Periksa kembali kode pada tanda terima Anda.',
  belum_selesai: 'Survei baru dapat diisi setelah permohonan Anda selesai diproses. Lihat tahapnya di halaman Lacak.',
  tidak_dilayani: 'Survei hanya untuk permohonan atau laporan yang sudah selesai dilayani. Permohonan ini ditutup tanpa layanan, jadi tidak dapat dinilai.',
  sudah_diisi: 'Survei untuk kode ini sudah diisi. Terima kasih.',
  kedaluwarsa: 'Masa pengisian survei untuk permohonan ini sudah berakhir.',
};

/** The request (permohonan) or report (laporan) a code belongs to, as the survey needs it. */
export interface SurveyRequest {
  collection: 'permohonan' | 'laporan';
  status: string;
  berkas_dihapus: boolean;
  /** Service key (requests; '' for a report). */
  layanan: string;
  /** Report kind (reports; '' for a request). */
  jenis: string;
}

/** What one answer stores: the unsur u1…u9, the respondent's fields, the suggestion, its service and month. */
export type SurveyFields = Record<string, string | number>;

/** The database as the survey needs it (pb_hooks/lib/survei.js). */
export interface SurveiDb {
  findRequest(code: string): SurveyRequest | null;
  /** Whether an answer for this code is stored (looked up by its keyed value). */
  answered(code: string): boolean;
  /** The id of the answer stored for this code by the send with this submission id, or null. */
  answeredBy(code: string, submissionId: string): string | null;
  /** Stores one answer with the code's keyed value; returns its id. Throws when the unique key is taken. */
  save(fields: SurveyFields, code: string, submissionId: string): string;
}

export interface SurveyCheck {
  answer: SurveiCek;
  request: SurveyRequest | null;
}

/**
 * Whether the code may rate its request now. Only a request that ended in a status meaning
 * "success" may be rated: a junk report closed as rejected must not rate the service.
 */
export function checkSurvey(db: SurveiDb, data: PortalData, rawCode: unknown): SurveyCheck {
  const raw = String(rawCode || '').trim();
  const code = raw ? normaliseCode(raw) : null;
  let request: SurveyRequest | null = null;
  const result = (reason: AlasanSurvei | null): SurveyCheck => ({
    answer: { kode: code, dapat_diisi: reason === null, alasan: reason, pesan: reason ? SURVEY_MESSAGES[reason] : null, layanan: request ? surveyServiceTitle(data, request) : null },
    request,
  });
  if (!raw) return result('kode_kosong');
  if (!code) return result('tidak_ditemukan');
  request = db.findRequest(code);
  if (!request) return result('tidak_ditemukan');
  const info = request.collection === 'laporan' ? byId(data.reportStatuses, request.status) : byId(data.statuses, request.status);
  if (!info || !info.closed) return result('belum_selesai');
  if (info.meaning !== 'success') return result('tidak_dilayani');
  // After retention the answer's link to the code is gone: the code may not rate again.
  if (request.berkas_dihapus) return result('kedaluwarsa');
  if (db.answered(code)) return result('sudah_diisi');
  return result(null);
}

/** Service key of the request; a report is filed as "laporan:<jenis>" (it has no service). */
export function surveyServiceKey(request: SurveyRequest): string {
  return request.collection === 'laporan' ? `laporan:${request.jenis}` : request.layanan;
}

/** The service's (or report kind's) public name, or null. */
function surveyServiceTitle(data: PortalData, request: SurveyRequest): string | null {
  if (request.collection === 'laporan') return byId(data.reportTypes, request.jenis)?.label ?? null;
  return byId(data.services, request.layanan)?.title ?? null;
}

/** The month of a date in the office time zone, "YYYY-MM". */
export function surveyMonth(data: PortalData, now: Date): string {
  return new Date(now.getTime() + zoneOffsetHours(data.site.timeZone) * 3_600_000).toISOString().slice(0, 7);
}

/** A 400 whose fields the form shows; the code's own message leads when it is the only one. */
function refuseFields(refuse: Refusals, errors: Record<string, string>): Error {
  const keys = Object.keys(errors);
  return refuse.badRequest(keys.length === 1 && errors['kode_lacak'] ? errors['kode_lacak'] : 'Periksa kembali isian Anda.', errors);
}

/**
 * POST /api/lacak/{kode}/survei: checks and stores one answer, or throws a 400 with field
 * messages. `body` is the request body as PocketBase parsed it (form or JSON).
 */
export function submitSurvey(db: SurveiDb, data: PortalData, rawCode: unknown, body: Record<string, unknown>, now: Date, refuse: Refusals): SurveiTerkirim {
  const checked = checkSurvey(db, data, rawCode);
  // A send again after a lost answer (same id from the same form) is told it went, not "already filled".
  const submissionId = typeof body['id_pengiriman'] === 'string' ? body['id_pengiriman'].trim() : '';
  if (submissionId && !SUBMISSION_ID.test(submissionId)) throw refuseFields(refuse, { id_pengiriman: SUBMISSION_ID_MESSAGE });
  const earlier = submissionId && checked.answer.kode ? db.answeredBy(checked.answer.kode, submissionId) : null;
  if (earlier) return { id: earlier };
  const input: Record<string, unknown> = { saran: body['saran'] };
  for (const u of UNSUR) input[u.id] = body[u.id];
  for (const f of RESPONDENT_FIELDS) input[f.id] = body[f.id];
  const result = validateSurvey(input);
  const errors: Record<string, string> = {};
  if (checked.answer.pesan) errors['kode_lacak'] = checked.answer.pesan;
  Object.assign(errors, result.errors);
  if (Object.keys(errors).length > 0 || !checked.request || !checked.answer.kode) throw refuseFields(refuse, errors);

  const value = result.value;
  const fields: SurveyFields = {};
  UNSUR.forEach((u, i) => (fields[u.id] = value.answers[i]!));
  for (const f of RESPONDENT_FIELDS) fields[f.id] = value[f.id];
  fields['saran'] = value.saran;
  // The service is the request's, whatever the client sent; the code itself is never stored.
  fields['layanan'] = surveyServiceKey(checked.request);
  fields['bulan'] = surveyMonth(data, now);
  const code = checked.answer.kode;
  try {
    return { id: db.save(fields, code, submissionId) };
  } catch (err) {
    // Two sends racing: the unique index lets one through; the other is told it is done.
    if (db.answered(code)) throw refuseFields(refuse, { kode_lacak: SURVEY_MESSAGES.sudah_diisi });
    throw err;
  }
}
