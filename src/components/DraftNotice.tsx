// The line every form with a draft shows: kept on this device only, not sent yet; restored when it
// was; and, where the form offers it, starting again, which asks first: one tap must not wipe a
// half-hour of typing and photos.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

export function DraftNotice(props: { restored?: string | null; until: ComponentChildren; onDiscard?: () => void }) {
  const { restored, until, onDiscard } = props;
  const [asking, setAsking] = useState(false);
  const askRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (asking) askRef.current?.focus();
  }, [asking]);
  return (
    <>
      <p class="notice draft-notice">
        {restored ? `Isian yang tersimpan pada ${restored} sudah dipulihkan. ` : ''}
        Isian disimpan sementara <strong>hanya di perangkat ini</strong>
        {until}{' '}
        {onDiscard && !asking && (
          <button type="button" class="link-button" onClick={() => setAsking(true)}>
            Hapus isian dan mulai dari awal
          </button>
        )}
      </p>
      {onDiscard && asking && (
        <div class="notice" role="alertdialog" aria-labelledby="hapus-tanya" tabIndex={-1} ref={askRef}>
          <p id="hapus-tanya">
            <strong>Hapus semua isian dan foto di perangkat ini?</strong> Yang sudah Anda isi tidak dapat dikembalikan.
          </p>
          <div class="form-nav">
            <button
              type="button"
              class="button"
              onClick={() => {
                setAsking(false);
                onDiscard();
              }}
            >
              Ya, hapus dan mulai dari awal
            </button>
            <button type="button" class="button button--secondary" onClick={() => setAsking(false)}>
              Tidak, lanjutkan mengisi
            </button>
          </div>
        </div>
      )}
    </>
  );
}
