import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, expectFocusOn, useJourney, type Journey } from '../support/journey';
import { DESKTOP, openAs } from '../support/workspace';
import { PHONE } from '../support/browser';
import { advance, advanceToStep, portalOf, staffTeam, type StaffAccount } from '../support/staff';
import { applyAsSamplePerson, reportAsSamplePerson, SAMPLE_PERSON, SAMPLE_REPORT } from '../support/application';
import { askedFiles } from '../support/applicant';
import { apply, KECAMATAN } from '../support/records';
import { statusWithMeaning, STATUS_LISTS } from '../support/workflow';
import { decidingRoles } from '../../src/lib/rules/sop-flow';
import { flowContextOf } from '../../src/lib/portal-data';
import type { CaseKind, Kasus } from '../../src/lib/api/petugas';
import type { Lacak } from '../../src/lib/api/lacak';

// The case page of the staff workspace (/petugas/kasus/): what each role sees and may do on one
// request or report, through a real PocketBase and Chromium. Roles, services, steps and statuses
// are found from content/ by what they mean, never by Bangka's keys.

const journey = useJourney();
const data = portalOf();
const SHOTS = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'kasus');
mkdirSync(SHOTS, { recursive: true });

const caseUrl = (kind: CaseKind, id: string) => `/petugas/kasus/?jenis=${kind}&id=${id}`;
const roleOf = (test: (r: (typeof data.roles)[number]) => boolean) => {
  const role = data.roles.find((r) => r.account && test(r));
  if (!role) throw new Error('peran tidak ditemukan di content/reference/roles.yaml');
  return role;
};
/** The front office: asks applicants for repairs and receives reports. */
const FRONT = roleOf((r) => !r.field && r.can.includes('perbaikan') && r.can.includes('laporan')).id;

async function recordOf(kind: CaseKind, code: string) {
  return journey.pb.admin.collection(kind).getFirstListItem(journey.pb.admin.filter('kode_lacak = {:k}', { k: code }));
}

/** The case as the workspace API gives it to `account` (what the page was built from). */
async function caseAs(account: StaffAccount, kind: CaseKind, id: string): Promise<Kasus> {
  const res = await fetch(`${journey.pb.url}/api/petugas/kasus/${kind}/${id}`, { headers: { Authorization: account.client.authStore.token } });
  expect(res.status).toBe(200);
  return (await res.json()) as Kasus;
}

async function caseLoaded(page: Page, code: string) {
  await page.getByRole('heading', { level: 1, name: new RegExp(code) }).waitFor();
}

/**
 * The page fits the screen sideways, axe finds nothing, and the browser logged no error (but for
 * the API's 400 answers to what a test sent wrong on purpose, when `refused`).
 */
async function pageIsSound(page: Page, consoleErrors: string[], refused = false) {
  await expectAccessible(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  expect(consoleErrors.filter((e) => !(refused && /status of 400 \(Bad Request\)/.test(e)))).toEqual([]);
}

/** The case page as `account` at 360 px and 1366 px: sound at both, with a screenshot of each. */
async function atBothWidths(j: Journey, account: StaffAccount, kind: CaseKind, id: string, code: string, name: string) {
  for (const viewport of [PHONE, DESKTOP]) {
    const { page, consoleErrors, close } = await openAs(j, account, caseUrl(kind, id), { viewport });
    await caseLoaded(page, code);
    await pageIsSound(page, consoleErrors);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${viewport.width}.png`), fullPage: true });
    await close();
  }
}

/** Announcements each page has made so far (the page numbers them from 1 after each load). */
const seen = new WeakMap<Page, number>();

/** A screenshot of the page as it is now (test-results/kasus/, for people to look at). */
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}-${page.viewportSize()!.width}.png`), fullPage: true });

/** The page's next announcement after an action (role=status), once it is made. */
async function announced(page: Page): Promise<string> {
  const n = (seen.get(page) ?? 0) + 1;
  seen.set(page, n);
  const message = page.locator(`.ws-result p[data-n="${n}"]`);
  await message.waitFor();
  return (await message.textContent()) ?? '';
}

/** Presses Tab until the element `selector` (or a button named `name`) has focus. Keyboard only. */
async function tabTo(page: Page, target: { selector?: string; name?: RegExp }, max = 250) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate(
      ({ selector, name }) => {
        const el = document.activeElement;
        if (!el || el === document.body) return false;
        if (selector) return el.matches(selector);
        return new RegExp(name!.source, name!.flags).test((el.textContent ?? '').trim());
      },
      { selector: target.selector, name: target.name ? { source: target.name.source, flags: target.name.flags } : undefined },
    );
    if (hit) return;
  }
  throw new Error(`Tab tidak pernah sampai ke ${target.selector ?? String(target.name)}`);
}

/** Focus arrives on the element with this id (after the island has rendered). */
const focusReaches = (page: Page, id: string) => expectFocusOn(page, `#${id}`);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the case page of a request', () => {
  it('lets the front office, by keyboard alone, check documents, record the register step and ask for a repair', { timeout: 240_000 }, async () => {
    const j = journey;
    const team = await staffTeam(j.pb);
    const front = team[FRONT]!;
    const code = await applyAsSamplePerson(j.pb.url);
    const rec = await recordOf('permohonan', code);
    const service = data.services.find((s) => s.id === rec['layanan'])!;
    const ctx = flowContextOf(data, service.id);
    const [good, bad, asked] = Object.keys(askedFiles(service, SAMPLE_PERSON, Object.fromEntries(service.documents.map((d) => [d.key, d.key]))));
    expect(asked, 'layanan contoh meminta paling sedikit tiga dokumen').toBeDefined();

    await atBothWidths(j, front, 'permohonan', rec.id, code, 'permohonan-baru');
    const { page, consoleErrors, close } = await openAs(j, front, caseUrl('permohonan', rec.id), { viewport: DESKTOP });
    await caseLoaded(page, code);
    // A button for exactly each action the server offers this person (documents are checked in their own section).
    const offered = (await caseAs(front, 'permohonan', rec.id)).aksi.filter((a) => a.aksi !== 'periksa-dokumen').map((a) => a.label);
    expect(await page.locator('.ws-action-list button').allTextContents()).toEqual(offered);

    // A PDF opens through a short-lived link, and the opening is on record.
    const pdf = service.documents.find((d) => /\.pdf$/.test(String(rec[d.key])));
    expect(pdf, 'permohonan contoh mengirim satu dokumen PDF').toBeDefined();
    if (pdf) {
      await tabTo(page, { name: new RegExp(`^Lihat .*\\(PDF\\)$`) });
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.tagName === 'A');
      const link = await page.evaluate(() => ({ href: (document.activeElement as HTMLAnchorElement).href, target: (document.activeElement as HTMLAnchorElement).target }));
      expect(link.target).toBe('_blank');
      const opened = await fetch(link.href);
      expect(opened.status).toBe(200);
      expect(opened.headers.get('content-type')).toContain('pdf');
      const logged = await j.pb.admin.collection('log_akses').getFullList({ filter: j.pb.admin.filter('rekaman = {:id} && dokumen = {:d}', { id: rec.id, d: pdf.key }) });
      expect(logged.map((l) => [l['akun'], l['ditolak']])).toEqual([[front.id, false]]);
    }

    // Documents: one fits, one must be replaced; the reason is asked for on its own field.
    await tabTo(page, { selector: `#f-periksa-${good}-sesuai` });
    await page.keyboard.press('Space');
    await tabTo(page, { selector: `#f-periksa-${bad}-sesuai` });
    await page.keyboard.press('ArrowRight');
    expect(await page.isChecked(`#f-periksa-${bad}-ganti`)).toBe(true);
    await tabTo(page, { name: /^Simpan pemeriksaan dokumen$/ });
    await page.keyboard.press('Enter');
    const missing = page.locator(`#f-alasan-${bad}-galat`);
    await missing.waitFor();
    expect(await missing.textContent()).toMatch(/Tulis alasan .* perlu diganti/);
    await expectFocusOn(page, '.error-summary');
    await expectAccessible(page);
    await tabTo(page, { selector: `#f-alasan-${bad}` });
    await page.keyboard.type('Foto buram, nomor tidak terbaca');
    await tabTo(page, { name: /^Simpan pemeriksaan dokumen$/ });
    await page.keyboard.press('Enter');
    expect(await announced(page)).toContain('Pemeriksaan 2 dokumen tersimpan');
    await expectFocusOn(page, '.ws-result');
    const checked = await caseAs(front, 'permohonan', rec.id);
    expect(checked.dokumen.find((d) => d.kunci === good)?.pemeriksaan?.hasil).toBe('sesuai');
    expect(checked.dokumen.find((d) => d.kunci === bad)?.pemeriksaan).toMatchObject({ hasil: 'perlu_diganti', alasan: 'Foto buram, nomor tidak terbaca' });
    expect(await page.getByText('Foto buram, nomor tidak terbaca').first().isVisible()).toBe(true);
    await pageIsSound(page, consoleErrors, true);

    // The register step: its button names the SOP's own words; the form's note starts empty.
    const step = ctx.steps[Number(rec['langkah'])]!;
    await tabTo(page, { name: new RegExp(escape(step.activity)) });
    await page.keyboard.press('Enter');
    await focusReaches(page, 'aksi-judul');
    expect(await page.inputValue('#f-catatan_publik')).toBe('');
    await expectAccessible(page);
    await tabTo(page, { name: /^Catat langkah$/ });
    await page.keyboard.press('Enter');
    const next = data.statuses.find((s) => s.id === ctx.steps[Number(rec['langkah']) + 1]!.stage)!;
    expect(await announced(page)).toContain(`Status sekarang: ${next.label}`);
    const recorded = await caseAs(front, 'permohonan', rec.id);
    expect(recorded.langkah[Number(rec['langkah'])]!.dicatat?.oleh).toContain(front.nama);
    expect(await page.locator('.ws-steps li').nth(Number(rec['langkah'])).textContent()).toContain(`Dicatat oleh ${front.nama}`);
    await pageIsSound(page, consoleErrors, true);
    await shot(page, 'dokumen-diperiksa');
    await close();

    // A second request from the same person for the same service: flagged, with a link to the first.
    const code2 = await applyAsSamplePerson(j.pb.url);
    const rec2 = await recordOf('permohonan', code2);
    const second = await openAs(j, front, caseUrl('permohonan', rec2.id), { viewport: DESKTOP });
    const p2 = second.page;
    await caseLoaded(p2, code2);
    const flags = p2.getByRole('region', { name: /Perlu diperhatikan/ });
    expect(await flags.getByRole('link', { name: code }).getAttribute('href')).toBe(caseUrl('permohonan', rec.id));

    // Asking for one document again, with a note for the applicant and one for staff only.
    await tabTo(p2, { name: /^Minta perbaikan dokumen$/ });
    await p2.keyboard.press('Enter');
    await focusReaches(p2, 'aksi-judul');
    expect(await p2.inputValue('#f-catatan_publik')).toBe('');
    await tabTo(p2, { name: /^Kirim permintaan perbaikan$/ });
    await p2.keyboard.press('Enter');
    await p2.locator('#f-dokumen_perbaikan-galat').waitFor();
    expect(await p2.locator('#f-dokumen_perbaikan-galat').textContent()).toContain('Pilih dokumen');
    expect(await p2.locator('#f-catatan_publik-galat').textContent()).toContain('paling sedikit 10 karakter');
    await expectAccessible(p2);
    await shot(p2, 'perbaikan-galat');
    const publicNote = 'Mohon kirim ulang foto dokumen yang lebih jelas lewat WhatsApp.';
    const internalNote = 'Pemohon sudah ditelepon, dokumen lama terpotong.';
    await tabTo(p2, { selector: `#f-dokumen_perbaikan-${asked}` });
    await p2.keyboard.press('Space');
    await tabTo(p2, { selector: '#f-catatan_publik' });
    await p2.keyboard.type(publicNote);
    await tabTo(p2, { selector: '#f-catatan_internal' });
    await p2.keyboard.type(internalNote);
    await tabTo(p2, { name: /^Kirim permintaan perbaikan$/ });
    await p2.keyboard.press('Enter');
    const repair = statusWithMeaning(STATUS_LISTS.permohonan, 'repair');
    expect(await announced(p2)).toContain(`Status sekarang: ${data.statuses.find((s) => s.id === repair)!.label}`);
    expect(await p2.locator('.ws-doc--asked h3').allTextContents()).toEqual([service.documents.find((d) => d.key === asked)!.label]);
    expect(await p2.getByText(internalNote).isVisible()).toBe(true);
    // Cancelling closes the request for good: it is asked once more, and going back changes nothing.
    await tabTo(p2, { name: /^Batalkan permohonan$/ });
    await p2.keyboard.press('Enter');
    await focusReaches(p2, 'aksi-judul');
    await tabTo(p2, { selector: '#f-catatan_publik' });
    await p2.keyboard.type('Pemohon meminta permohonan dibatalkan.');
    await tabTo(p2, { name: /^Batalkan permohonan$/ });
    await p2.keyboard.press('Enter');
    await focusReaches(p2, 'aksi-yakin');
    expect(await p2.locator('#aksi-yakin').textContent()).toContain('Yakin membatalkan');
    await expectAccessible(p2);
    await tabTo(p2, { name: /^Kembali ke formulir$/ });
    await p2.keyboard.press('Enter');
    await p2.locator('#aksi-yakin').waitFor({ state: 'detached' });
    expect((await caseAs(front, 'permohonan', rec2.id)).status.id).toBe(repair);
    await pageIsSound(p2, second.consoleErrors, true);
    await second.close();

    // What the applicant sees: the note and the document, never the internal note.
    const res = await fetch(`${j.pb.url}/api/lacak/${code2}`);
    const text = await res.text();
    const lacak = JSON.parse(text) as Lacak;
    expect(lacak.status).toBe(repair);
    expect(lacak.riwayat.map((h) => h.catatan)).toContain(publicNote);
    expect(lacak.dokumen_perbaikan).toEqual([service.documents.find((d) => d.key === asked)!.label]);
    expect(text).not.toContain(internalNote);
    await atBothWidths(j, front, 'permohonan', rec2.id, code2, 'perbaikan-diminta');
  });

  it('takes successive decision steps (Kasi, Kabid, Kadis as the SOP names them) each from their own account, in turn, and seals the decided request', { timeout: 240_000 }, async () => {
    const j = journey;
    const team = await staffTeam(j.pb);
    // portalOf() lists the roles in their order in roles.yaml (front office first, head of office last).
    const order = (role: string) => data.roles.findIndex((r) => r.id === role);
    const office = (role: string) => data.roles.some((r) => r.id === role && r.account && !r.field && role !== FRONT);
    // The longest run of steps, each by one office head above the last (Kasi, then Kabid, then Kadis).
    let best: { service: string; from: number; roles: string[] } = { service: '', from: -1, roles: [] };
    for (const s of data.services.filter((x) => x.onlineApplication)) {
      for (let i = 0; i < s.steps.length; i++) {
        const roles: string[] = [];
        for (let k = i; k < s.steps.length; k++) {
          const only = s.steps[k]!.roles;
          if (only.length !== 1 || !office(only[0]!) || (roles.length > 0 && order(only[0]!) <= order(roles[roles.length - 1]!))) break;
          roles.push(only[0]!);
        }
        if (roles.length > best.roles.length) best = { service: s.id, from: i, roles };
      }
    }
    // Bangka's published services chain two (Kasi, then Kabid); a draft that chained three is hidden
    // until the office adopts it. Two distinct accounts in turn is what the rule needs proven.
    expect(best.roles.length, 'layanan daring dengan langkah keputusan berturut-turut oleh dua pejabat atau lebih').toBeGreaterThanOrEqual(2);
    const service = data.services.find((s) => s.id === best.service)!;
    const deciders = best.roles.map((r) => team[r]!);
    const sent = await apply(j.pb, service.id, KECAMATAN[0]!.id);
    await advanceToStep(j.pb, sent.id, best.from);

    const front = team[FRONT]!;
    for (const [turn, person] of deciders.entries()) {
      const index = best.from + turn;
      const activity = service.steps[index]!.activity;
      // Not yet their turn: the next heads see no button for their own step, nor for this one.
      for (const later of deciders.slice(turn + 1)) {
        const view = await caseAs(later, 'permohonan', sent.id);
        expect(view.aksi.map((a) => a.aksi)).not.toContain('langkah');
        const { page, close } = await openAs(j, later, caseUrl('permohonan', sent.id));
        await caseLoaded(page, sent.code);
        expect(await page.getByRole('button', { name: new RegExp(escape(activity)) }).count()).toBe(0);
        await close();
      }
      const frontView = await openAs(j, front, caseUrl('permohonan', sent.id), { viewport: DESKTOP });
      await caseLoaded(frontView.page, sent.code);
      expect(await frontView.page.getByRole('button', { name: new RegExp(escape(activity)) }).count()).toBe(0);
      await frontView.close();

      const viewport = turn % 2 === 0 ? DESKTOP : PHONE;
      // A second tab of the same person, left open while the step is recorded in the first.
      const stale = turn === 0 ? await openAs(j, person, caseUrl('permohonan', sent.id), { viewport: DESKTOP }) : null;
      if (stale) await caseLoaded(stale.page, sent.code);
      const { page, consoleErrors, close } = await openAs(j, person, caseUrl('permohonan', sent.id), { viewport });
      await caseLoaded(page, sent.code);
      if (turn === 0) {
        await pageIsSound(page, consoleErrors);
        await page.screenshot({ path: path.join(SHOTS, `tahap-keputusan-${viewport.width}.png`), fullPage: true });
      }
      expect(await page.locator('.ws-steps li[aria-current="step"]').textContent()).toContain(activity);
      await page.getByRole('button', { name: new RegExp(escape(activity)) }).click();
      expect(await page.inputValue('#f-catatan_publik')).toBe('');
      await expectAccessible(page);
      await page.getByRole('button', { name: /^(Catat langkah|Setujui dan catat|Selesaikan)$/ }).click();
      expect(await announced(page)).toContain('Tersimpan');
      expect(await page.locator('.ws-steps li').nth(index).textContent()).toContain(`Dicatat oleh ${person.nama}`);
      await pageIsSound(page, consoleErrors);
      await close();
      if (stale) {
        // The old page offers the step still; the server refuses it, in its own words, and a reload is offered.
        await stale.page.getByRole('button', { name: new RegExp(escape(activity)) }).click();
        await stale.page.getByRole('button', { name: /^(Catat langkah|Setujui dan catat|Selesaikan)$/ }).click();
        const summary = stale.page.locator('.error-summary');
        await summary.waitFor();
        expect(await summary.textContent()).toMatch(/dicatat oleh|baru saja diubah/);
        await expectAccessible(stale.page);
        await stale.page.getByRole('button', { name: 'Muat ulang kasus' }).click();
        await stale.page.locator('.ws-result p').waitFor();
        expect(await stale.page.getByRole('button', { name: new RegExp(escape(activity)) }).count()).toBe(0);
        await stale.close();
      }
    }

    // One history entry per decision step, each by its own person (the same Kasi may have recorded
    // an earlier step too, e.g. the disposition).
    const { page, consoleErrors, close } = await openAs(j, deciders[0]!, caseUrl('permohonan', sent.id), { viewport: DESKTOP });
    await caseLoaded(page, sent.code);
    const entries = await page.locator('.ws-history li').filter({ hasText: 'Langkah SOP' }).allTextContents();
    const by = deciders.map((d, turn) => entries.filter((e) => e.includes(`Langkah SOP ${best.from + turn + 1} `) && e.includes(`Oleh: ${d.nama}`)).length);
    expect(by).toEqual(deciders.map(() => 1));
    await pageIsSound(page, consoleErrors);
    await close();

    // Decided: sealed, and only a deciding role may reopen it (with a written reason).
    await advance(j.pb, 'permohonan', sent.id, statusWithMeaning(STATUS_LISTS.permohonan, 'success'));
    const reopeners = decidingRoles(flowContextOf(data, service.id));
    for (const role of data.roles.filter((r) => r.account && !r.field && r.cases && team[r.id])) {
      const view = await openAs(j, team[role.id]!, caseUrl('permohonan', sent.id), { viewport: DESKTOP });
      await caseLoaded(view.page, sent.code);
      expect(await view.page.getByText('Disegel.').isVisible(), role.id).toBe(true);
      expect(await view.page.getByRole('button', { name: /Buka kembali/ }).count(), role.id).toBe(reopeners.includes(role.id) ? 1 : 0);
      await view.close();
    }
    const reopener = team[reopeners[0]!]!;
    await atBothWidths(j, reopener, 'permohonan', sent.id, sent.code, 'disegel');
    const sealed = await openAs(j, reopener, caseUrl('permohonan', sent.id));
    await caseLoaded(sealed.page, sent.code);
    await sealed.page.getByRole('button', { name: /Buka kembali/ }).click();
    await sealed.page.getByRole('button', { name: /^Buka kembali$/ }).click();
    await sealed.page.locator('#f-alasan-galat').waitFor();
    expect(await sealed.page.locator('#f-alasan-galat').textContent()).toContain('paling sedikit 10 karakter');
    await expectAccessible(sealed.page);
    await sealed.page.fill('#f-alasan', 'Ada keberatan dari desa tentang data penerima.');
    await sealed.page.getByRole('button', { name: /^Buka kembali$/ }).click();
    expect(await announced(sealed.page)).toContain('Tersimpan');
    expect(await sealed.page.getByText('Disegel.').count()).toBe(0);
    await pageIsSound(sealed.page, sealed.consoleErrors, true);
    await sealed.close();
  });
});

describe('the case page of a report', () => {
  it('puts urgency first, forwards to a named field worker who then sees it, and asks for a reason where a status needs one', { timeout: 240_000 }, async () => {
    const j = journey;
    const team = await staffTeam(j.pb);
    const front = team[FRONT]!;
    const code = await reportAsSamplePerson(j.pb.url, {}, 1);
    const rec = await recordOf('laporan', code);
    const type = data.reportTypes.find((t) => t.id === SAMPLE_REPORT.jenis)!;
    const fieldRole = data.roles.find((r) => r.field && r.account && Object.values(type.stageRoles).some((roles) => roles.includes(r.id)))!;
    const worker = team[fieldRole.id]!;

    // The worker cannot open it before it is theirs.
    expect((await fetch(`${j.pb.url}/api/petugas/kasus/laporan/${rec.id}`, { headers: { Authorization: worker.client.authStore.token } })).status).toBe(404);

    await atBothWidths(j, front, 'laporan', rec.id, code, 'laporan-mendesak');
    const { page, consoleErrors, close } = await openAs(j, front, caseUrl('laporan', rec.id), { viewport: DESKTOP });
    await caseLoaded(page, code);
    // Urgency before anything else the report says.
    const order = await page.evaluate(() => {
      const text = document.querySelector('.ws-case')!.textContent!;
      return { urgent: text.indexOf('Mendesak'), described: text.indexOf('Yang dilaporkan') };
    });
    expect(order.urgent).toBeGreaterThanOrEqual(0);
    expect(order.urgent).toBeLessThan(order.described);
    expect(await page.getByText(SAMPLE_REPORT.deskripsi).isVisible()).toBe(true);
    expect(await page.getByText(SAMPLE_REPORT.patokan).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: /Lihat lokasi di peta/ }).getAttribute('href')).toContain('openstreetmap.org');
    // A photo opens on request, through a short-lived token.
    await page.getByRole('button', { name: /Lihat foto 1 dari pelapor/ }).click();
    await page.getByRole('img', { name: /Pratinjau foto 1 dari pelapor/ }).waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.ws-thumb');
      return img !== null && img.complete && img.naturalWidth > 0;
    });

    // Forwarding to a named person: suggested workers come first and are marked.
    await page.getByRole('button', { name: /Teruskan atau tugaskan laporan/ }).click();
    const select = page.locator('#f-ditugaskan_ke');
    await select.locator(`option[value="${worker.id}"]`).waitFor({ state: 'attached' });
    expect(await select.locator(`option[value="${worker.id}"]`).textContent()).toContain('disarankan');
    await expectAccessible(page);
    await shot(page, 'laporan-teruskan');
    await select.selectOption(worker.id);
    await page.getByRole('button', { name: /^Teruskan laporan$/ }).click();
    expect(await announced(page)).toContain('Tersimpan');
    expect(await page.locator('.ws-facts').textContent()).toContain(worker.nama);
    await pageIsSound(page, consoleErrors);
    await close();

    // The worker sees it now, on a phone, and moves it on.
    const mine = await openAs(j, worker, caseUrl('laporan', rec.id));
    const wp = mine.page;
    await caseLoaded(wp, code);
    expect(await wp.getByText(SAMPLE_REPORT.deskripsi).isVisible()).toBe(true);
    await pageIsSound(wp, mine.consoleErrors);
    await wp.screenshot({ path: path.join(SHOTS, 'laporan-petugas-lapangan-360.png'), fullPage: true });
    const first = (await caseAs(worker, 'laporan', rec.id)).aksi.find((a) => a.aksi === 'status')!.tujuan!.find((t) => !t.menutup)!;
    await wp.getByRole('button', { name: /Ubah status laporan/ }).click();
    await wp.getByRole('button', { name: /^Ubah status$/ }).click();
    await wp.locator('#f-status-galat').waitFor();
    expect(await wp.locator('#f-status-galat').textContent()).toContain('Pilih status baru');
    await wp.getByRole('radio', { name: new RegExp(`^${escape(first.label)}`) }).check();
    await wp.getByRole('button', { name: /^Ubah status$/ }).click();
    expect(await announced(wp)).toContain(`Status sekarang: ${first.label}`);

    // A status that needs a reason: refused on the note's field, in Indonesian, until one is written.
    const closing = (await caseAs(worker, 'laporan', rec.id)).aksi.find((a) => a.aksi === 'status')!.tujuan!.find((t) => t.perlu_alasan)!;
    expect(closing, 'status laporan yang meminta alasan').toBeDefined();
    await wp.getByRole('button', { name: /Ubah status laporan/ }).click();
    await wp.getByRole('radio', { name: new RegExp(`^${escape(closing.label)}`) }).check();
    await wp.getByRole('button', { name: /^Ubah status$/ }).click();
    // Closing for good is asked once more.
    await wp.getByRole('heading', { name: /Yakin mengubah status/ }).waitFor();
    await focusReaches(wp, 'aksi-yakin');
    await expectAccessible(wp);
    await wp.getByRole('button', { name: /^Ya, ubah status$/ }).click();
    await wp.locator('#f-catatan_publik-galat').waitFor();
    expect(await wp.locator('#f-catatan_publik-galat').textContent()).toContain('Tulis alasan untuk pelapor');
    await expectAccessible(wp);
    await shot(wp, 'laporan-alasan-kurang');
    const reason = 'Orang yang dilaporkan sudah tidak ada di lokasi saat dijangkau.';
    await wp.fill('#f-catatan_publik', reason);
    await wp.getByRole('button', { name: /^Ubah status$/ }).click();
    await wp.getByRole('button', { name: /^Ya, ubah status$/ }).click();
    expect(await announced(wp)).toContain(`Status sekarang: ${closing.label}`);
    expect(await wp.getByRole('button', { name: /Ubah status laporan/ }).count()).toBe(0);
    await pageIsSound(wp, mine.consoleErrors, true);
    await mine.close();
    const lacak = (await (await fetch(`${j.pb.url}/api/lacak/${code}`)).json()) as Lacak;
    expect(lacak.riwayat.map((h) => h.catatan)).toContain(reason);
  });
});
