// Driving the public forms in Chromium as a person would (labels, not ids, wherever a label
// exists), for journeys that need a real submission but test something else on the way.
import type { Page } from 'playwright-core';
import { loadContent, SITE } from './content';
import { villageLabel } from '../../src/lib/format';

const content = loadContent();
import { applicantRoles, type ApplicantRole } from '../../src/lib/rules/applicant';

export interface Applicant {
  pemohon_adalah: ApplicantRole;
  nama_pengaju?: string;
  hubungan?: string;
  nik_pengaju?: string;
  nama_lengkap: string;
  nik: string;
  nomor_kk: string;
  /** YYYY-MM-DD */
  tanggal_lahir: string;
  telepon: string;
  kecamatan: string;
  desa_kelurahan: string;
  alamat: string;
}

export interface FileToAttach {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/**
 * Opens /layanan/<service>/ajukan/, answers every eligibility question as the service expects
 * (content/services/<service>.yaml), fills the person's details and stops on the documents step.
 */
export async function startApplication(page: Page, service: string, person: Applicant): Promise<void> {
  await page.goto(`/layanan/${service}/ajukan/`);
  await page.getByRole('heading', { name: 'Siapa yang dapat mengajukan' }).waitFor();
  const questions = page.locator('fieldset');
  const expected = content.services.find((s) => s.id === service)?.data.eligibility.questions.map((q) => q.expected) ?? [];
  for (let i = 0; i < (await questions.count()); i++) await questions.nth(i).getByLabel(expected[i] === 'tidak' ? 'Tidak' : 'Ya', { exact: true }).check();
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByRole('heading', { name: 'Data penerima dan pemohon' }).waitFor();
  await page.getByLabel(applicantRoles(SITE.villages).find((r) => r.id === person.pemohon_adalah)!.label, { exact: true }).check();
  if (person.pemohon_adalah !== 'diri_sendiri') {
    await page.getByLabel('Nama Anda (yang mengajukan)').fill(person.nama_pengaju ?? '');
    await page.getByLabel(/^Hubungan Anda dengan penerima/).fill(person.hubungan ?? '');
    if (person.nik_pengaju) await page.getByLabel(/^NIK Anda/).fill(person.nik_pengaju);
  }
  const [year, month, day] = person.tanggal_lahir.split('-').map(Number);
  await page.getByLabel('Nama lengkap penerima').fill(person.nama_lengkap);
  await page.getByLabel(/^NIK penerima/).fill(person.nik);
  await page.getByLabel('Nomor Kartu Keluarga (KK)').fill(person.nomor_kk);
  await page.getByLabel('Tanggal', { exact: true }).fill(String(day));
  await page.getByLabel('Bulan', { exact: true }).fill(String(month));
  await page.getByLabel('Tahun', { exact: true }).fill(String(year));
  await page.getByLabel('Nomor telepon atau WhatsApp yang dapat dihubungi').fill(person.telepon);
  await page.getByLabel('Kecamatan tempat tinggal').selectOption(person.kecamatan);
  await page.getByLabel(villageLabel(SITE.villages), { exact: true }).fill(person.desa_kelurahan);
  await page.getByLabel('Alamat').fill(person.alamat);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByRole('heading', { name: 'Dokumen' }).waitFor();
}

/** Chooses `file` for each document field and waits until the form has taken it. */
export async function attachDocuments(page: Page, keys: readonly string[], file: FileToAttach): Promise<void> {
  for (const key of keys) {
    await page.locator(`#f-${key}`).setInputFiles(file);
    await page.locator(`#f-${key}-terpilih`).waitFor();
  }
}

/** From the documents step on to the summary, which is left open for checks. */
export async function reviewApplication(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByRole('heading', { name: 'Periksa dan kirim' }).waitFor();
}

/** On the summary: consent and send; returns the tracking code. */
export async function sendApplication(page: Page): Promise<string> {
  await page.getByLabel(/Saya sudah membaca penjelasan di atas/).check();
  await page.getByRole('button', { name: 'Kirim permohonan' }).click();
  await page.getByRole('heading', { name: 'Permohonan terkirim' }).waitFor();
  return (await page.locator('.confirmation .code').textContent())!.trim();
}

export interface Report {
  /** Start of the report type's label, e.g. "Orang terlantar". */
  jenis: string;
  urgent: boolean;
  kecamatan: string;
  desa_kelurahan: string;
  patokan: string;
  deskripsi: string;
  /** Omitted: sent anonymously. */
  contact?: { nama: string; telepon: string };
  /** How the reporter hears back (the radio's label start); omitted: the form's default. */
  channel?: 'WhatsApp' | 'SMS';
  /** Uses the phone's position; the page's context must have geolocation granted and set. */
  gps?: boolean;
}

/** Fills /lapor/ (already open) and sends it; returns the code. */
export async function sendReport(page: Page, report: Report): Promise<string> {
  await page.getByLabel(new RegExp(`^${report.jenis}`)).check();
  await page.getByLabel(report.urgent ? 'Ya, segera (sakit, terluka, kelaparan, atau dalam bahaya)' : 'Tidak mendesak').check();
  await page.getByLabel('Kecamatan').selectOption(report.kecamatan);
  await page.getByLabel(villageLabel(SITE.villages), { exact: true }).fill(report.desa_kelurahan);
  await page.getByLabel('Petunjuk lokasi').fill(report.patokan);
  await page.getByLabel('Apa yang Anda lihat?').fill(report.deskripsi);
  if (report.gps) {
    await page.getByRole('button', { name: 'Pakai lokasi saya sekarang' }).click();
    await page.getByText(/Lokasi ponsel terpasang/).waitFor();
  }
  if (report.contact) {
    await page.getByLabel('Ya, cantumkan kontak saya').check();
    await page.getByLabel('Nama Anda (tidak wajib)').fill(report.contact.nama);
    await page.getByLabel('Nomor telepon atau WhatsApp').fill(report.contact.telepon);
    if (report.channel) await page.getByRole('radio', { name: new RegExp(`^${report.channel}`) }).check();
  } else {
    await page.getByLabel('Tidak, kirim tanpa nama (anonim)').check();
  }
  await page.getByLabel(/Saya setuju dengan/).check();
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  await page.getByRole('heading', { name: 'Laporan terkirim' }).waitFor();
  return (await page.locator('.confirmation .code').textContent())!.trim();
}
