import { useEffect, useState } from 'preact/hooks';
import type { Saya } from '../../lib/api/petugas';
import { signOut, whoAmI } from '../../lib/petugas-client';

/** The workspace menu entries (Workspace.astro marks each with data-menu). */
export type MenuKey = 'hari-ini' | 'antrean' | 'pesan' | 'kunjungan' | 'ekspor' | 'akun';

/** Which menu entries this person uses: the rest are hidden, not just refused later. */
export function menuFor(saya: Saya): Set<MenuKey> {
  // Before the first password change only the account page works.
  if (saya.wajib_ganti_sandi) return new Set(['akun']);
  const shown = new Set<MenuKey>(['hari-ini', 'akun']);
  if (saya.akses_kasus !== 'tidak') {
    shown.add('antrean');
    shown.add('pesan');
  }
  if (saya.akses_kasus === 'ditugaskan') shown.add('kunjungan');
  if (saya.wewenang.includes('ekspor') || saya.wewenang.includes('log-akses')) shown.add('ekspor');
  return shown;
}

/**
 * The header of every workspace page (except sign-in): who is signed in, the sign-out button,
 * and the menu narrowed to what this person's roles use.
 */
export default function SessionBar() {
  const [saya, setSaya] = useState<Saya | null>(null);

  useEffect(() => {
    // The page's own island sends a visitor who is not signed in to the sign-in page.
    whoAmI().then(setSaya, () => setSaya(null));
  }, []);

  useEffect(() => {
    if (!saya) return;
    const shown = menuFor(saya);
    for (const item of document.querySelectorAll<HTMLElement>('[data-menu]')) item.hidden = !shown.has(item.dataset['menu'] as MenuKey);
  }, [saya]);

  if (!saya) return null;
  return (
    <div class="ws-session">
      <span class="ws-session__who">
        <span class="visually-hidden">Masuk sebagai </span>
        {saya.nama}
      </span>
      <button
        type="button"
        class="ws-signout"
        onClick={() => {
          signOut();
          window.location.assign('/petugas/masuk/');
        }}
      >
        Keluar
      </button>
    </div>
  );
}
