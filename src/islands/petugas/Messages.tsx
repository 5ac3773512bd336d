import { useState } from 'preact/hooks';
import type { PesanAntrean, PesanItem, Saya } from '../../lib/api/petugas';
import { api, caseUrl } from '../../lib/petugas-client';
import { failureMessage, forStaff, useLoaded, When } from './session';
import { CHANNEL_LABELS as CHANNEL_LABEL, EVENT_LABELS } from '../../lib/rules/notify';
import { LoadFailed } from '../../components/LoadFailed';

/** /petugas/pesan/: "Belum terhubungi", messages to applicants that have not reached them. */
export default forStaff(MessagesFor);

function MessagesFor({ saya }: { saya: Saya }) {
  const { loaded: load, reload: fetchQueue, setLoaded: setLoad } = useLoaded<PesanAntrean>('/api/petugas/pesan');
  const [opened, setOpened] = useState<Record<string, boolean>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [done, setDone] = useState('');

  async function markSent(item: PesanItem) {
    setProblems((p) => ({ ...p, [item.id]: '' }));
    try {
      await api<PesanItem>(`/api/petugas/pesan/${encodeURIComponent(item.id)}/terkirim`, { method: 'POST' });
      setDone(`Pesan untuk ${item.kasus.kode} (${EVENT_LABELS[item.peristiwa]}) dicatat sudah Anda kirim.`);
      setLoad((l) => (l.kind === 'done' ? { kind: 'done', answer: { ...l.answer, items: l.answer.items.filter((i) => i.id !== item.id) } } : l));
    } catch (err) {
      setProblems((p) => ({ ...p, [item.id]: failureMessage(err) }));
    }
  }

  if (load.kind === 'loading') return <p class="ws-loading" role="status">Memuat pesan…</p>;
  if (load.kind === 'failed') return <LoadFailed title="Pesan belum dapat dimuat" message={load.message} onRetry={fetchQueue} />;
  return (
    <>
      <p role="status" class={done ? 'notice' : 'visually-hidden'}>
        {done}
      </p>
      {load.answer.items.length === 0 ? (
        <p class="ws-empty">Semua pemohon dan pelapor sudah terhubungi. Tidak ada pesan yang menunggu.</p>
      ) : (
        <ul class="ws-visits" aria-label={`${load.answer.items.length} pesan belum sampai`}>
          {load.answer.items.map((item) => (
            <li key={item.id} class={`ws-visit${item.status === 'gagal' ? ' ws-visit--alert' : ''}`}>
              <h2 class="ws-message-title">
                <a href={caseUrl(item.kasus.jenis, item.kasus.id)}>{item.kasus.kode}</a>: {EVENT_LABELS[item.peristiwa]}
              </h2>
              <p class="ws-visit-tags">
                <span class="ws-tag">{item.status_label}</span>
                <span class="ws-meta">
                  {CHANNEL_LABEL[item.saluran]} ke {item.tujuan || '(kontak sudah dihapus)'}
                  {item.dibuat && (
                    <>
                      {' '}
                      · dibuat <When iso={item.dibuat} saya={saya} />
                    </>
                  )}
                  {item.percobaan > 0 && <> · dicoba {item.percobaan} kali</>}
                </span>
              </p>
              {item.status === 'tidak_pasti' && <p class="notice">Pesan ini mungkin sudah sampai. Tanyakan dulu kepada penerima sebelum mengirim ulang.</p>}
              {item.galat && item.status === 'gagal' && <p class="ws-meta">Keterangan penyedia: {item.galat}</p>}
              <details>
                <summary>Isi pesan</summary>
                <p class="ws-message-text">{item.teks}</p>
              </details>
              {problems[item.id] && (
                <p class="error-message" role="alert">
                  {problems[item.id]}
                </p>
              )}
              <p class="ws-visit-actions">
                {item.wa_me && (
                  <a class="button" href={item.wa_me} target="_blank" rel="noopener noreferrer" onClick={() => setOpened((o) => ({ ...o, [item.id]: true }))}>
                    Kirim lewat WhatsApp<span class="visually-hidden"> untuk {item.kasus.kode} (membuka WhatsApp)</span>
                  </a>
                )}
                {item.sms && (
                  <a class="button button--secondary" href={item.sms} onClick={() => setOpened((o) => ({ ...o, [item.id]: true }))}>
                    Kirim SMS<span class="visually-hidden"> untuk {item.kasus.kode}</span>
                  </a>
                )}
                {item.mailto && (
                  <a class="button" href={item.mailto} onClick={() => setOpened((o) => ({ ...o, [item.id]: true }))}>
                    Tulis surel<span class="visually-hidden"> untuk {item.kasus.kode}</span>
                  </a>
                )}
                <button type="button" class={opened[item.id] ? 'button' : 'button button--secondary'} onClick={() => void markSent(item)}>
                  Sudah saya kirim<span class="visually-hidden"> untuk {item.kasus.kode}</span>
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
