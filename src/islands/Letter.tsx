// One issued letter, laid out for A4 and printed from the browser (print CSS in global.css; no
// server-side browser). Opened by staff from the case page (/surat/?id=…, their sign-in on this
// device) or by the applicant from /lacak/ after the proof (/surat/?kode=…&id=…, the proof kept
// in this tab's sessionStorage). The QR code leads to /verifikasi/<id>.
import { useEffect, useState } from 'preact/hooks';
import { qrPath } from '../lib/qr-path';
import { Facts } from '../components/Facts';
import { proofToken } from '../lib/proof-session';
import type { SuratLengkap, SuratSaya } from '../lib/api/surat';

/** GET /api/petugas/surat/{id}, or one of POST /api/lacak/{kode}/surat (src/lib/api/surat.ts). */
export type LetterView = SuratLengkap;

type State = { kind: 'memuat' } | { kind: 'ada'; letter: LetterView } | { kind: 'gagal'; message: string };

async function load(): Promise<LetterView> {
  const params = new URLSearchParams(window.location.search);
  const id = params.get('id') ?? '';
  const code = params.get('kode');
  if (code) {
    const token = proofToken(code);
    if (!token) throw new Error('Buka surat ini dari halaman lacak, setelah membuktikan bahwa Anda pemohon.');
    const res = await fetch(`/api/lacak/${encodeURIComponent(code)}/surat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ bukti: token }), cache: 'no-store' });
    if (res.status === 401) throw new Error('Bukti Anda sudah tidak berlaku. Buka halaman lacak dan buktikan lagi bahwa Anda pemohon.');
    if (!res.ok) throw new Error('Surat belum dapat dimuat. Periksa sambungan, lalu muat ulang halaman.');
    const found = ((await res.json()) as SuratSaya).surat.find((l) => l.id === id);
    if (!found) throw new Error('Surat ini tidak ada pada permohonan Anda.');
    return found;
  }
  let token = '';
  try {
    token = (JSON.parse(window.localStorage.getItem('petugas_auth') ?? '{}') as { token?: string }).token ?? '';
  } catch {
    token = '';
  }
  if (!token) throw new Error('Masuk ke ruang kerja petugas terlebih dahulu, lalu buka surat dari halaman kasus.');
  const res = await fetch(`/api/petugas/surat/${encodeURIComponent(id)}`, { headers: { Authorization: token }, cache: 'no-store' });
  if (res.status === 404) throw new Error('Surat tidak ditemukan, atau permohonannya tidak ditugaskan kepada Anda.');
  if (res.status === 401 || res.status === 403) throw new Error('Masuk ke ruang kerja petugas terlebih dahulu, lalu buka surat dari halaman kasus.');
  if (!res.ok) throw new Error('Surat belum dapat dimuat. Periksa sambungan, lalu muat ulang halaman.');
  return (await res.json()) as LetterView;
}

export default function Letter() {
  const [state, setState] = useState<State>({ kind: 'memuat' });
  useEffect(() => {
    load().then(
      (letter) => setState({ kind: 'ada', letter }),
      (err: unknown) => setState({ kind: 'gagal', message: err instanceof Error ? err.message : 'Surat belum dapat dimuat.' }),
    );
  }, []);
  if (state.kind === 'memuat') return <p role="status">Memuat surat…</p>;
  if (state.kind === 'gagal') {
    return (
      <div class="error-summary" role="alert">
        <h2>Surat belum dapat ditampilkan</h2>
        <p>{state.message}</p>
      </div>
    );
  }
  const l = state.letter;
  const url = `${window.location.origin}${l.verifikasi}`;
  const qr = qrPath(url);
  const revoked = l.status === 'dicabut';
  return (
    <>
      <div class="no-print letter-actions">
        <button type="button" class="button" onClick={() => window.print()}>
          Cetak surat
        </button>
        <p class="hint">Pilih kertas A4 pada jendela cetak. Keaslian surat dapat diperiksa siapa saja lewat kode QR di bawah surat.</p>
      </div>
      <article class={`letter${revoked ? ' letter--revoked' : ''}`} aria-labelledby="surat-judul">
        {revoked && (
          <p class="letter-revoked" role="status">
            Surat ini sudah DICABUT dan tidak berlaku lagi.
          </p>
        )}
        <header class="letter-head">
          <p class="letter-office">{l.kantor.nama}</p>
          <p>{l.kantor.alamat}</p>
        </header>
        <h2 id="surat-judul" class="letter-title">
          {l.judul}
        </h2>
        <Facts
          class="letter-meta"
          items={[
            ['Nomor', l.nomor],
            ['Tanggal', l.tanggal],
            ['Perihal', l.perihal],
          ]}
        />
        {l.paragraf.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
        <div class="letter-signatures">
          {l.tanda_tangan.map((s, i) => (
            <div key={i} class="letter-signature">
              <p>{s.label}</p>
              <p class="letter-signature__space" aria-hidden="true" />
              <p class="letter-signature__name">{s.nama || '(………………………)'}</p>
            </div>
          ))}
        </div>
        <footer class="letter-verify">
          <svg class="letter-qr" viewBox={`0 0 ${qr.size} ${qr.size}`} role="img" aria-label={`Kode QR menuju halaman verifikasi ${url}`} shape-rendering="crispEdges">
            <rect width={qr.size} height={qr.size} fill="#fff" />
            <path d={qr.d} fill="#000" />
          </svg>
          <p>
            Periksa keaslian surat ini: pindai kode QR atau buka <span class="letter-url">{url}</span>.
          </p>
        </footer>
      </article>
    </>
  );
}
