// Decision letters (issue 14 point 3) against a real PocketBase: issued by the decision the
// template names, numbered from a per-year register without gaps or duplicates under
// concurrency, verifiable by anyone with only number, date, type, office, status and initials,
// revocable only by the deciding roles, and readable by the applicant after the proof.
import { describe, expect, it } from 'vitest';
import { usePocketBase, checkHistoryChain } from '../support/pocketbase';
import { advance, portalOf, staffTeam } from '../support/staff';
import { applyAsSamplePerson, photoFile, SAMPLE_PERSON, SAMPLE_PERSONAL_STRINGS } from '../support/application';
import { DISGUISED } from '../support/hostile';
import { statusWithMeaning, STATUS_LISTS } from '../support/workflow';
import { flowContextOf } from '../../src/lib/portal-data';
import { decidingRoles } from '../../src/lib/rules/sop-flow';
import type { Bukti, Lacak } from '../../src/lib/api/lacak';
import { VERIFIKASI_KEYS, type SuratSaya, type Verifikasi } from '../../src/lib/api/surat';
import type { Penolakan } from '../../src/lib/api/petugas';

const pb = usePocketBase({ rateLimits: false });
const data = portalOf();
const REJECTED = statusWithMeaning(STATUS_LISTS.permohonan, 'rejected');
/** The letter a rejection produces, for a service it covers that SOP lets staff reject. */
const rejectionLetter = data.letters.find((l) => l.onStatus.includes(REJECTED))!;
const service = data.services.find((s) => (rejectionLetter.services.length === 0 || rejectionLetter.services.includes(s.id)) && s.steps.some((st) => st.kind === 'decision'))!;
// The contract's keys (src/lib/api/surat.ts): nothing else is public.
const VERIFY_KEYS = [...VERIFIKASI_KEYS].sort();

async function rejected(): Promise<{ code: string; id: string }> {
  const code = await applyAsSamplePerson(pb.url, { layanan: service.id });
  const rec = await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: code }));
  await advance(pb, 'permohonan', rec.id, REJECTED, { note: (_n, aksi) => (aksi === 'tolak' ? 'Penerima sudah menerima bantuan yang sama tahun ini.' : undefined) });
  return { code, id: rec.id };
}

const lettersOf = (id: string) => pb.admin.collection('surat').getFullList({ filter: pb.admin.filter('permohonan = {:id}', { id }), sort: 'nomor_urut' });
const verify = async (id: string) => {
  const res = await fetch(`${pb.url}/api/verifikasi/${encodeURIComponent(id)}`);
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as Verifikasi };
};

describe('a decision issues the letter its template names', () => {
  it('numbers it, fills it, and lets anyone verify it with nothing personal but initials', async () => {
    const before = await applyAsSamplePerson(pb.url, { layanan: service.id });
    expect(((await (await fetch(`${pb.url}/api/lacak/${before}`)).json()) as Lacak).ada_surat).toBe(false);
    const { id, code } = await rejected();
    const [letter] = await lettersOf(id);
    expect(letter).toBeDefined();
    // The tracking page offers the applicant's copy once a letter exists (counted in its one look-up).
    expect(((await (await fetch(`${pb.url}/api/lacak/${code}`)).json()) as Lacak).ada_surat).toBe(true);
    expect(letter!['templat']).toBe(rejectionLetter.id);
    const year = new Date().getUTCFullYear();
    expect(String(letter!['nomor'])).toContain(String(year));
    expect(letter!['status']).toBe('berlaku');
    expect(letter!['inisial']).toBe(SAMPLE_PERSON.nama_lengkap.split(' ').map((w) => `${w[0]}.`).join(' '));
    const isi = letter!['isi'] as { paragraf: string[]; tanda_tangan: { label: string; nama: string }[] };
    expect(isi.paragraf.join(' ')).toContain(SAMPLE_PERSON.nama_lengkap);
    expect(isi.paragraf.join(' ')).toContain('Penerima sudah menerima bantuan yang sama tahun ini.');
    expect(isi.tanda_tangan[0]!.label).toBe(data.roles.find((r) => r.id === rejectionLetter.signatoryRole)!.label);
    expect(isi.tanda_tangan[0]!.nama).not.toBe('');

    const v = await verify(letter!.id);
    expect(v.status).toBe(200);
    expect(Object.keys(v.body).sort()).toEqual(VERIFY_KEYS);
    expect(v.body).toMatchObject({ ditemukan: true, nomor: letter!['nomor'], jenis: rejectionLetter.kind, kantor: data.site.officeName, status: 'berlaku' });
    for (const value of [...SAMPLE_PERSONAL_STRINGS, code, SAMPLE_PERSON.nama_lengkap]) expect(v.text).not.toContain(value);
    expect(v.text).not.toContain('Penerima sudah menerima');

    // The history records it, chained.
    const history = await pb.admin.collection('riwayat_permohonan').getFullList({ filter: pb.admin.filter('permohonan = {:id}', { id }), sort: 'urutan' });
    expect(history.map((h) => h['jenis'])).toContain('surat');
    expect((await checkHistoryChain(pb.dataDir)).code).toBe(0);
  });

  it('gives numbers without gaps or duplicates when decisions race', async () => {
    const before = (await pb.admin.collection('surat').getFullList()).map((l) => Number(l['nomor_urut']));
    await Promise.all([1, 2, 3, 4, 5, 6].map(() => rejected()));
    const numbers = (await pb.admin.collection('surat').getFullList({ sort: 'nomor_urut' })).map((l) => Number(l['nomor_urut']));
    expect(numbers.length).toBe(before.length + 6);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  }, 60_000);

  it('answers an unknown or malformed id with the same keys and a 404', async () => {
    for (const id of ['aaaaaaaaaaaaaaa', 'x', "' OR 1=1 --", '../../pb_data', 'A'.repeat(500)]) {
      const v = await verify(id);
      expect(v.status, id).toBe(404);
      expect(Object.keys(v.body).sort()).toEqual(VERIFY_KEYS);
      expect(v.body.ditemukan).toBe(false);
    }
  });
});

describe('revocation', () => {
  it('is refused to a role that does not decide, done by one that does, and shown as dicabut', async () => {
    const { id } = await rejected();
    const [letter] = await lettersOf(id);
    const team = await staffTeam(pb);
    const deciders = decidingRoles(flowContextOf(data, service.id));
    const outsider = Object.values(team).find((a) => !deciders.includes(a.roles[0]!) && a.roles[0] !== rejectionLetter.signatoryRole && data.roles.some((r) => r.id === a.roles[0] && !r.field && r.cases))!;
    const decider = Object.values(team).find((a) => deciders.includes(a.roles[0]!))!;
    const revoke = (who: typeof decider, alasan: string) => fetch(`${pb.url}/api/petugas/surat/${letter!.id}/cabut`, { method: 'POST', headers: { 'content-type': 'application/json', Authorization: who.client.authStore.token }, body: JSON.stringify({ alasan }) });
    const refused = await revoke(outsider, 'Surat ini salah ketik pada nama layanan.');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as Penolakan).message).toMatch(/hanya dapat dicabut oleh/);
    const short = await revoke(decider, 'salah');
    expect(short.status).toBe(400);
    expect(((await short.json()) as Penolakan).data['alasan']!.message).toMatch(/paling sedikit 10/);
    expect((await revoke(decider, 'Keputusan dibuka kembali setelah keberatan pemohon.')).status).toBe(200);
    const v = await verify(letter!.id);
    expect(v.body).toMatchObject({ ditemukan: true, status: 'dicabut', status_label: 'Dicabut' });
    expect(v.text).not.toContain('keberatan');
    expect((await revoke(decider, 'Keputusan dibuka kembali sekali lagi.')).status).toBe(400);
    expect((await checkHistoryChain(pb.dataDir)).code).toBe(0);
  });
});

describe('the applicant and staff read the whole letter', () => {
  it('after the proof, and staff opening it is logged', async () => {
    const { code, id } = await rejected();
    const [letter] = await lettersOf(id);
    const noProof = await fetch(`${pb.url}/api/lacak/${code}/surat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ bukti: 'x.y.z' }) });
    expect(noProof.status).toBe(401);
    const proof = (await (await fetch(`${pb.url}/api/lacak/${code}/bukti`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ bukti_jenis: 'tanggal_lahir', bukti_nilai: SAMPLE_PERSON.tanggal_lahir }) })).json()) as Bukti;
    const mine = await fetch(`${pb.url}/api/lacak/${code}/surat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ bukti: proof.token }) });
    expect(mine.status).toBe(200);
    const list = ((await mine.json()) as SuratSaya).surat;
    expect(list.map((l) => l.id)).toEqual([letter!.id]);
    expect(list[0]!.verifikasi).toBe(`/verifikasi/${letter!.id}`);

    const team = await staffTeam(pb);
    const office = Object.values(team).find((a) => data.roles.some((r) => r.id === a.roles[0] && !r.field && r.cases))!;
    const res = await fetch(`${pb.url}/api/petugas/surat/${letter!.id}`, { headers: { Authorization: office.client.authStore.token } });
    expect(res.status).toBe(200);
    const log = await pb.admin.collection('log_akses').getFullList({ filter: pb.admin.filter('rekaman = {:r}', { r: letter!.id }) });
    expect(log.length).toBe(1);
    expect(await fetch(`${pb.url}/api/collections/surat/records`).then((r) => r.json())).toMatchObject({ items: [] });
  });
});

describe('the signed scan', () => {
  it('is attached by office staff, checked by content, logged when opened, and refused to a field worker', async () => {
    const { id } = await rejected();
    const [letter] = await lettersOf(id);
    const team = await staffTeam(pb);
    const office = Object.values(team).find((a) => data.roles.some((r) => r.id === a.roles[0] && !r.field && r.cases))!;
    const field = Object.values(team).find((a) => data.roles.some((r) => r.id === a.roles[0] && r.field))!;
    const attach = (who: typeof office, file: File) => {
      const form = new FormData();
      form.append('pindaian', file);
      return fetch(`${pb.url}/api/petugas/surat/${letter!.id}/pindaian`, { method: 'POST', headers: { Authorization: who.client.authStore.token }, body: form });
    };
    // Refused whether or not the field worker was assigned to the request (403 or the same 404 as no case).
    expect([403, 404]).toContain((await attach(field, photoFile('bastb'))).status);
    const html = await attach(office, new File([DISGUISED.html], 'scan.pdf', { type: 'application/pdf' }));
    expect(html.status).toBe(400);
    expect(((await html.json()) as { data: Record<string, { message: string }> }).data['pindaian']!.message).toMatch(/PDF, JPG, atau PNG/);
    expect((await attach(office, photoFile('bastb-bertanda-tangan'))).status).toBe(200);
    const saved = await pb.admin.collection('surat').getOne(letter!.id);
    expect(String(saved['pindaian'])).toMatch(/^pindaian_[a-z0-9]+/);
    const token = await office.client.files.getToken();
    expect((await fetch(`${pb.url}/api/files/surat/${letter!.id}/${String(saved['pindaian'])}?token=${token}`)).status).toBe(200);
    const log = await pb.admin.collection('log_akses').getFullList({ filter: pb.admin.filter('rekaman = {:r} && dokumen = "pindaian_surat"', { r: letter!.id }) });
    expect(log.length).toBe(1);
    expect((await checkHistoryChain(pb.dataDir)).code).toBe(0);
  });
});

describe('an approval', () => {
  it('issues the handover record its template names, with a signature block for the recipient', async () => {
    const approved = data.letters.find((l) => l.alsoSigns.some((a) => a.who === 'penerima'));
    if (!approved) return; // an office without such a record has nothing to check here
    const target = approved.onStatus[0]!;
    const svc = data.services.find((s) => approved.services.includes(s.id) && s.steps.some((st) => st.stage === target))!;
    const code = await applyAsSamplePerson(pb.url, { layanan: svc.id });
    const rec = await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: code }));
    await advance(pb, 'permohonan', rec.id, target);
    const letters = await lettersOf(rec.id);
    expect(letters.map((l) => l['templat'])).toEqual([approved.id]);
    const isi = letters[0]!['isi'] as { tanda_tangan: { label: string; nama: string }[] };
    expect(isi.tanda_tangan.map((t) => t.label)).toEqual([data.roles.find((r) => r.id === approved.signatoryRole)!.label, ...approved.alsoSigns.map((a) => a.label)]);
    expect(isi.tanda_tangan[1]!.nama).toBe(SAMPLE_PERSON.nama_lengkap);
  });
});
