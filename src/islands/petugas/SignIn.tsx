import { useEffect, useState } from 'preact/hooks';
import { ClientResponseError } from 'pocketbase';
import { ErrorSummary } from '../../components/ErrorSummary';
import { controlProps, FormField } from '../../components/FormField';
import type { FieldErrors } from '../../lib/validation/errors';
import { ACCOUNT_PAGE, continuation, signedIn, signOut, staffClient, whoAmI } from '../../lib/petugas-client';

const FIELD_IDS = { surel: 'f-surel', sandi: 'f-sandi', kode: 'f-kode' };
// Enough to catch a slip (no @, no domain); the server decides whether the account exists.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const MESSAGES = {
  surelKosong: 'Masukkan alamat surel akun petugas Anda.',
  surelSalah: 'Tulis alamat surel lengkap dengan tanda @, misalnya nama@contoh.go.id.',
  sandiKosong: 'Masukkan kata sandi Anda.',
  salah: 'Surel atau kata sandi salah.',
  tidakAktif: 'Akun ini sudah tidak aktif. Hubungi administrator kantor bila Anda masih bertugas.',
  terlaluSering: 'Terlalu banyak percobaan masuk. Tunggu 5 menit, lalu coba lagi.',
  terputus: 'Sambungan terputus. Periksa internet Anda, lalu coba lagi.',
  gangguan: 'Server sedang bermasalah. Coba lagi sebentar lagi.',
  kodeKosong: 'Masukkan kode masuk dari surel Anda.',
  kodeSalah: 'Kode masuk salah atau sudah kedaluwarsa. Periksa surel terbaru, atau minta kode baru.',
  kodeFormat: 'Kode masuk berupa angka saja, seperti yang tertulis di surel.',
  kodeTerkirim: 'Kode baru sudah dikirim. Kode lama tidak berlaku lagi.',
} as const;

/** The second step when the office requires an emailed code (PocketBase MFA with OTP). */
interface SecondStep {
  email: string;
  mfaId: string;
  otpId: string;
}

/** The message for a refusal that is not about the typed values. */
function refusal(err: unknown): string {
  const status = err instanceof ClientResponseError ? err.status : 0;
  if (status === 429) return MESSAGES.terlaluSering;
  return status === 0 ? MESSAGES.terputus : MESSAGES.gangguan;
}

/** Where to go once signed in: the first-password page for a new account, else `lanjut`. */
function destination(mustChange: boolean): string {
  const next = continuation(new URLSearchParams(window.location.search).get('lanjut'), window.location.origin);
  return mustChange ? `${ACCOUNT_PAGE}?lanjut=${encodeURIComponent(next)}` : next;
}

/** /petugas/masuk/: sign in with the email and password an administrator gave. */
export default function SignIn() {
  const [surel, setSurel] = useState('');
  const [sandi, setSandi] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const [ready, setReady] = useState(false);
  const [second, setSecond] = useState<SecondStep | null>(null);
  const [kode, setKode] = useState('');
  const [notice, setNotice] = useState('');

  // Already signed in on this device: go straight on (a sign-in that no longer works is dropped).
  useEffect(() => {
    if (!signedIn()) return setReady(true);
    whoAmI().then(
      (saya) => {
        if (saya) window.location.replace(destination(saya.wajib_ganti_sandi));
        else {
          signOut();
          setReady(true);
        }
      },
      () => setReady(true),
    );
  }, []);

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (sending) return;
    const email = surel.trim();
    const found: FieldErrors = {};
    if (!email) found['surel'] = MESSAGES.surelKosong;
    else if (!EMAIL.test(email)) found['surel'] = MESSAGES.surelSalah;
    if (!sandi) found['sandi'] = MESSAGES.sandiKosong;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSending(true);
    try {
      const auth = await staffClient().collection('petugas').authWithPassword(email, sandi);
      window.location.assign(destination(Boolean(auth.record['wajib_ganti_sandi'])));
    } catch (err) {
      const status = err instanceof ClientResponseError ? err.status : 0;
      const mfaId = err instanceof ClientResponseError ? (err.response as { mfaId?: unknown })['mfaId'] : undefined;
      // 401 with an mfaId: the password was right and the office requires a second factor.
      if (status === 401 && typeof mfaId === 'string' && mfaId) {
        try {
          const { otpId } = await staffClient().collection('petugas').requestOTP(email);
          setSecond({ email, mfaId, otpId });
          setSandi('');
          setErrors({});
        } catch (otpErr) {
          setErrors({ sandi: refusal(otpErr) });
        }
        setSending(false);
        return;
      }
      setSending(false);
      // 403: the password was right but the account is switched off (the collection's authRule).
      if (status === 403) setErrors({ surel: MESSAGES.tidakAktif });
      else if (status === 400) {
        setErrors({ sandi: MESSAGES.salah });
        setSandi('');
      } else setErrors({ sandi: refusal(err) });
    }
  }

  async function onCode(event: Event) {
    event.preventDefault();
    if (sending || !second) return;
    const code = kode.replace(/\s/g, '');
    if (!code) return setErrors({ kode: MESSAGES.kodeKosong });
    if (!/^\d+$/.test(code)) return setErrors({ kode: MESSAGES.kodeFormat });
    setErrors({});
    setSending(true);
    try {
      const auth = await staffClient().collection('petugas').authWithOTP(second.otpId, code, { mfaId: second.mfaId });
      window.location.assign(destination(Boolean(auth.record['wajib_ganti_sandi'])));
    } catch (err) {
      setSending(false);
      const status = err instanceof ClientResponseError ? err.status : 0;
      setErrors({ kode: status === 400 || status === 401 ? MESSAGES.kodeSalah : refusal(err) });
    }
  }

  async function newCode() {
    if (sending || !second) return;
    setSending(true);
    try {
      const { otpId } = await staffClient().collection('petugas').requestOTP(second.email);
      setSecond({ ...second, otpId });
      setErrors({});
      setNotice(MESSAGES.kodeTerkirim);
    } catch (err) {
      setErrors({ kode: refusal(err) });
    }
    setSending(false);
  }

  if (!ready) {
    return (
      <p class="ws-loading" role="status">
        Memeriksa apakah Anda sudah masuk…
      </p>
    );
  }
  if (second) {
    return (
      <form class="ws-form" noValidate onSubmit={onCode}>
        <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
        <h2>Kode masuk</h2>
        <p>
          Kantor meminta kode kedua untuk masuk. Kami sudah mengirim kode ke surel <strong>{second.email}</strong>. Kode berlaku beberapa menit dan hanya untuk
          sekali masuk.
        </p>
        {notice && (
          <p class="notice" role="status">
            {notice}
          </p>
        )}
        <FormField id="kode" label="Kode dari surel" hint="Angka saja, tanpa spasi." error={errors['kode']}>
          <input
            type="text"
            {...controlProps('kode', { hint: true, error: errors['kode'] })}
            inputMode="numeric"
            autocomplete="one-time-code"
            spellcheck={false}
            value={kode}
            onInput={(e) => setKode(e.currentTarget.value)}
          />
        </FormField>
        <div class="ws-actions">
          <button type="submit" class="button" disabled={sending}>
            {sending ? 'Memeriksa…' : 'Masuk'}
          </button>
          <button type="button" class="button button--secondary" disabled={sending} onClick={newCode}>
            Kirim kode baru
          </button>
        </div>
      </form>
    );
  }
  return (
    <form class="ws-form" noValidate onSubmit={onSubmit}>
      <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      <FormField id="surel" label="Alamat surel" error={errors['surel']}>
        <input
          type="email"
          {...controlProps('surel', { error: errors['surel'] })}
          autocomplete="username"
          inputMode="email"
          spellcheck={false}
          value={surel}
          onInput={(e) => setSurel(e.currentTarget.value)}
        />
      </FormField>
      <FormField id="sandi" label="Kata sandi" error={errors['sandi']}>
        <input
          type="password"
          {...controlProps('sandi', { error: errors['sandi'] })}
          autocomplete="current-password"
          value={sandi}
          onInput={(e) => setSandi(e.currentTarget.value)}
        />
      </FormField>
      <button type="submit" class="button" disabled={sending}>
        {sending ? 'Memeriksa…' : 'Masuk'}
      </button>
    </form>
  );
}
