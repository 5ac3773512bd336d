import { useState } from 'preact/hooks';
import { ErrorSummary } from '../../components/ErrorSummary';
import { controlProps, FormField } from '../../components/FormField';
import type { GantiSandi } from '../../lib/api/petugas';
import type { FieldErrors } from '../../lib/validation/errors';
import { api, ApiRefusal, continuation, staffClient } from '../../lib/petugas-client';
import { StaffPending, useStaff } from './session';

const FIELDS = [
  { key: 'sandi_lama', label: 'Kata sandi lama', autocomplete: 'current-password', empty: 'Masukkan kata sandi yang Anda pakai untuk masuk tadi.' },
  { key: 'sandi_baru', label: 'Kata sandi baru', autocomplete: 'new-password', empty: 'Masukkan kata sandi baru.', hint: 'Paling sedikit 10 karakter, berbeda dari kata sandi lama, dan tidak memuat nama akun surel Anda. Kalimat pendek yang mudah Anda ingat lebih aman daripada kata acak yang pendek.' },
  { key: 'sandi_baru_ulang', label: 'Ulangi kata sandi baru', autocomplete: 'new-password', empty: 'Ketik sekali lagi kata sandi baru Anda.' },
] as const satisfies readonly { key: keyof GantiSandi; label: string; autocomplete: string; empty: string; hint?: string }[];

const FIELD_IDS = Object.fromEntries(FIELDS.map((f) => [f.key, `f-${f.key}`]));
const EMPTY: GantiSandi = { sandi_lama: '', sandi_baru: '', sandi_baru_ulang: '' };

/** /petugas/akun/: who I am, and the password change (the first one before any work). */
export default function Account() {
  const staff = useStaff({ firstPassword: true });
  const [values, setValues] = useState<GantiSandi>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);

  if (staff.kind !== 'ready') return <StaffPending state={staff} />;
  const { saya } = staff;
  const first = saya.wajib_ganti_sandi;

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (sending) return;
    const found: FieldErrors = {};
    for (const f of FIELDS) if (!values[f.key]) found[f.key] = f.empty;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSending(true);
    try {
      const auth = await api<{ token: string; record: Record<string, unknown> }>('/api/petugas/sandi', { json: values });
      // The change ends every earlier sign-in: this device keeps working with the new token.
      staffClient().authStore.save(auth.token, auth.record as never);
      window.location.assign(continuation(new URLSearchParams(window.location.search).get('lanjut'), window.location.origin));
    } catch (err) {
      setSending(false);
      if (err instanceof ApiRefusal && Object.keys(err.fields).length > 0) {
        setErrors(err.fields);
        // A refused password is typed again; the repeat always, since it must match what is typed next.
        setValues({ sandi_lama: err.fields['sandi_lama'] ? '' : values.sandi_lama, sandi_baru: err.fields['sandi_baru'] ? '' : values.sandi_baru, sandi_baru_ulang: '' });
      } else if (err instanceof ApiRefusal && err.status === 401) {
        window.location.replace('/petugas/masuk/?lanjut=%2Fpetugas%2Fakun%2F');
      } else {
        setErrors({ sandi_lama: err instanceof ApiRefusal ? err.message : 'Sambungan terputus. Periksa internet Anda, lalu kirim lagi.' });
      }
    }
  }

  const who = (
    <section aria-labelledby="akun-saya">
      <h2 id="akun-saya">Data akun</h2>
      <dl class="summary">
        <div class="summary-row">
          <dt>Nama</dt>
          <dd>{saya.nama}</dd>
        </div>
        <div class="summary-row">
          <dt>Alamat surel</dt>
          <dd>{saya.email}</dd>
        </div>
        <div class="summary-row">
          <dt>Peran</dt>
          <dd>
            {saya.peran.length === 1 ? (
              saya.peran[0]!.label
            ) : (
              <ul class="ws-plain-list">
                {saya.peran.map((p) => (
                  <li key={p.id}>{p.label}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div class="summary-row">
          <dt>Kantor</dt>
          <dd>{saya.kantor.nama}</dd>
        </div>
      </dl>
      <p class="muted">Nama, peran, dan kecamatan tugas diatur oleh administrator kantor. Hubungi administrator bila ada yang keliru.</p>
    </section>
  );
  const change = (
    <section aria-labelledby="ganti-sandi">
      <h2 id="ganti-sandi">Ganti kata sandi</h2>
      <form class="ws-form" noValidate onSubmit={onSubmit}>
        <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
        {/* The account name, for password managers that save the new password under it. */}
        <input type="email" name="surel" autocomplete="username" value={saya.email} readOnly hidden />
        {FIELDS.map((f) => {
          const hint = 'hint' in f ? f.hint : undefined;
          const error = errors[f.key];
          return (
            <FormField key={f.key} id={f.key} label={f.label} {...(hint ? { hint } : {})} error={error}>
              <input
                type="password"
                {...controlProps(f.key, { hint: Boolean(hint), error })}
                autocomplete={f.autocomplete}
                value={values[f.key]}
                onInput={(e) => setValues({ ...values, [f.key]: e.currentTarget.value })}
              />
            </FormField>
          );
        })}
        <button type="submit" class="button" disabled={sending}>
          {sending ? 'Menyimpan…' : first ? 'Simpan kata sandi dan mulai bekerja' : 'Simpan kata sandi baru'}
        </button>
      </form>
    </section>
  );
  return (
    <>
      {first && (
        <div class="notice ws-first-password">
          <h2>Ganti kata sandi pertama Anda</h2>
          <p>Kata sandi dari administrator hanya untuk masuk pertama kali. Ganti dengan kata sandi Anda sendiri sebelum mulai bekerja; halaman lain ruang kerja terbuka setelah itu.</p>
        </div>
      )}
      {/* A new account sees the change first: it is the only thing it can do yet. */}
      {first ? change : who}
      {first ? who : change}
    </>
  );
}
