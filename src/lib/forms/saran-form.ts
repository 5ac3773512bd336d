// The kotak saran, enhanced without a framework: the form is server-rendered
// (src/components/SaranForm.astro) and this only checks it with the server's own rules, sends it
// through send() and shows what happened. It never redraws the fields, so what a person typed on a
// slow phone before this script arrived stays where it is and is what gets sent.
import { validateSaran } from '../rules/saran';
import { newSubmissionId, send } from './send';
import { errorsOf } from './error-pattern';
import { showFormErrors } from './errors-dom';

export const SARAN_FIELD_IDS = { pesan: 'saran-pesan', kontak: 'saran-kontak' } as const;
/** Said here after a send, and by /saran/terkirim/ after the same form sent without JavaScript. */
export const SARAN_THANKS = { heading: 'Terima kasih, saran Anda sudah kami terima', text: 'Petugas akan membaca saran Anda untuk perbaikan pelayanan.' };
const NOT_SENT = 'Saran belum terkirim';

export function enhanceSaranForm(form: HTMLFormElement): void {
  const pesan = document.getElementById(SARAN_FIELD_IDS.pesan) as HTMLTextAreaElement;
  const kontak = document.getElementById(SARAN_FIELD_IDS.kontak) as HTMLInputElement;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const label = button.textContent;
  let busy = false;
  // One id for this suggestion: sent again after a lost answer, it is not stored twice.
  const submissionId = newSubmissionId();

  form.noValidate = true;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    const checked = validateSaran({ pesan: pesan.value, kontak: kontak.value });
    if (Object.keys(checked.errors).length > 0) return showFormErrors(form, checked.errors, SARAN_FIELD_IDS);
    busy = true;
    button.disabled = true;
    button.textContent = 'Mengirim…';
    const outcome = await send('/api/collections/saran/records', { ...checked.value, id_pengiriman: submissionId });
    busy = false;
    button.disabled = false;
    button.textContent = label;
    if (outcome.kind === 'sent') return thank(form);
    // Field messages on the fields; offline, busy or refused in a box. The text stays, ready to send again.
    const { errors, problem } = errorsOf(outcome, NOT_SENT);
    showFormErrors(form, errors, SARAN_FIELD_IDS, problem);
  });
  // Ready: a press of "Kirim saran" is handled here from now on (tests wait for this too).
  form.dataset['siap'] = 'ya';
}

function thank(form: HTMLFormElement): void {
  const panel = document.createElement('div');
  panel.className = 'panel';
  panel.setAttribute('role', 'status');
  const heading = panel.appendChild(document.createElement('h2'));
  heading.tabIndex = -1;
  heading.textContent = SARAN_THANKS.heading;
  panel.appendChild(document.createElement('p')).textContent = SARAN_THANKS.text;
  form.replaceWith(panel);
  heading.focus();
}
