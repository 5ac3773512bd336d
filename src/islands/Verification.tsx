// /verifikasi/<id>, the address a letter's QR code holds: whether the document is genuine and in
// force (GET /api/verifikasi/{id}); number, date, type, office, status and the initials only.
import { useEffect, useState } from 'preact/hooks';
import { Facts } from '../components/Facts';
import type { Verifikasi } from '../lib/api/surat';

/** GET /api/verifikasi/{id} (src/lib/api/surat.ts). */
type Answer = Verifikasi;

type State = { kind: 'memuat' } | { kind: 'ada'; answer: Answer } | { kind: 'gagal' };

export default function Verification() {
  const [state, setState] = useState<State>({ kind: 'memuat' });
  useEffect(() => {
    const fromPath = /^\/verifikasi\/([^/]+)\/?$/.exec(window.location.pathname)?.[1];
    const id = fromPath ?? new URLSearchParams(window.location.search).get('id') ?? '';
    fetch(`/api/verifikasi/${encodeURIComponent(decodeURIComponent(id))}`, { cache: 'no-store' })
      .then(async (res) => (res.status === 200 || res.status === 404 ? setState({ kind: 'ada', answer: (await res.json()) as Answer }) : setState({ kind: 'gagal' })))
      .catch(() => setState({ kind: 'gagal' }));
  }, []);
  if (state.kind === 'memuat') return <p role="status">Memeriksa dokumen…</p>;
  if (state.kind === 'gagal') {
    return (
      <div class="error-summary" role="alert">
        <h2>Belum dapat diperiksa</h2>
        <p>Sambungan terputus atau server sedang sibuk. Muat ulang halaman ini sebentar lagi.</p>
      </div>
    );
  }
  const a = state.answer;
  if (!a.ditemukan) {
    return (
      <div class="verify verify--unknown" role="status">
        <h2>Dokumen tidak terdaftar</h2>
        <p>{a.pesan}</p>
      </div>
    );
  }
  const valid = a.status === 'berlaku';
  return (
    <section class={`verify ${valid ? 'verify--valid' : 'verify--revoked'}`} aria-labelledby="verifikasi-status">
      <h2 id="verifikasi-status">
        <span aria-hidden="true">{valid ? '✓ ' : '✗ '}</span>
        {valid ? 'Dokumen asli dan berlaku' : 'Dokumen asli, tetapi sudah DICABUT'}
      </h2>
      <Facts
        class="facts"
        items={[
          ['Status', a.status_label],
          ['Jenis dokumen', a.jenis],
          ['Nomor', a.nomor],
          ['Tanggal', a.tanggal],
          ['Diterbitkan oleh', a.kantor],
          ['Untuk', a.inisial],
        ]}
      />
      {!valid && <p>Dokumen yang sudah dicabut tidak dapat dipakai lagi. Tanyakan ke kantor bila Anda memerlukan keterangan.</p>}
    </section>
  );
}
