// The staff's view of the messages to applicants and reporters: the "Belum terhubungi" queue
// (GET /api/petugas/pesan, `PesanAntrean`) and a case's messages on its page (`PesanItem`). The
// database side, and sending, is pocketbase/pb_hooks/lib/notify.js.
import type { CaseKind, PesanAntrean, PesanItem } from '../api/petugas';
import { waMeLink } from '../rules/notify';
import { formatPhone } from '../rules/phone';
import { isoOrNull, maySee, type Actor } from './workspace';

export const MESSAGE_STATUS_LABELS: Record<PesanItem['status'], string> = {
  menunggu: 'Menunggu dikirim',
  mengirim: 'Sedang dikirim',
  terkirim: 'Terkirim',
  gagal: 'Gagal dikirim',
  tidak_pasti: 'Mungkin sudah terkirim',
  manual: 'Belum ada penyedia pesan',
  dikirim_petugas: 'Dikirim petugas',
};

/** One row of `pesan_keluar`. */
export interface MessageRow {
  id: string;
  kode_lacak: string;
  peristiwa: string;
  saluran: string;
  status: string;
  teks: string;
  /** +62… or an email address ("" once retention forgot it). */
  tujuan: string;
  subjek: string;
  percobaan: number;
  galat: string;
  created: string;
  terkirim_pada: string;
  dikirim_oleh: string;
}

/** The case a message is about, as far as visibility needs it. */
export interface MessageParent {
  kind: CaseKind;
  id: string;
  /** petugas_lapangan (requests) or ditugaskan_ke (reports). */
  assignee: string;
}

export interface MessagesDb {
  /** The staff member's name, or null. */
  staffName(id: string): string | null;
}

/** A message as staff see it, with the links to send it by hand. */
export function pesanItem(db: MessagesDb, row: MessageRow, parent: Pick<MessageParent, 'kind' | 'id'>): PesanItem {
  const channel = row.saluran;
  const to = row.tujuan;
  const phone = channel !== 'email' && /^\+62\d+$/.test(to);
  return {
    id: row.id,
    kasus: { jenis: parent.kind, id: parent.id, kode: row.kode_lacak },
    peristiwa: row.peristiwa as PesanItem['peristiwa'],
    saluran: channel as PesanItem['saluran'],
    status: row.status as PesanItem['status'],
    status_label: MESSAGE_STATUS_LABELS[row.status as PesanItem['status']] || row.status,
    teks: row.teks,
    tujuan: phone ? formatPhone(to) : to,
    wa_me: phone ? waMeLink(to, row.teks) : null,
    // An SMS the person chose: staff may send it from their phone's messages app.
    sms: phone && channel === 'sms' ? 'sms:' + to + '?body=' + encodeURIComponent(row.teks) : null,
    mailto: channel === 'email' && to ? 'mailto:' + to + '?subject=' + encodeURIComponent(row.subjek) + '&body=' + encodeURIComponent(row.teks) : null,
    percobaan: row.percobaan,
    galat: row.galat,
    dibuat: isoOrNull(row.created),
    terkirim: isoOrNull(row.terkirim_pada),
    dikirim_oleh: row.dikirim_oleh ? db.staffName(row.dikirim_oleh) : null,
  };
}

/** "Belum terhubungi": the waiting messages of the cases this person may see (`parent` null: the case is gone). */
export function pesanAntrean(db: MessagesDb & { parent(row: MessageRow): MessageParent | null }, actor: Actor, rows: readonly MessageRow[]): PesanAntrean {
  const items: PesanItem[] = [];
  for (const row of rows) {
    const parent = db.parent(row);
    if (!parent || !maySee(actor, parent)) continue;
    items.push(pesanItem(db, row, parent));
  }
  return { items };
}
