import type { ComponentChildren } from 'preact';
// Step 2 of the application: who applies (pemohon) and who the service is for (penerima). A
// parent applying for a child gives the child's data as the recipient's and their own name
// (and NIK where the service asks) as the applicant's; the service's content says which
// identity items each must give (src/lib/rules/applicant.ts).
import { FormField as Field, KecamatanField } from '../../components/FormField';
import { applicantRoles, DEFAULT_IDENTITY, type Requirement, type VillageKind } from '../../lib/rules/applicant';
import { villageLabel } from '../../lib/format';
import type { ServiceRules } from '../../lib/rules/application';
import type { FieldErrors } from '../../lib/validation/errors';
import { BirthDateField, Nav, TextField, type ValueEvent } from './fields';
import type { Birth, DataField } from './data-fields';


const optional = (need: Requirement) => (need === 'tidak_wajib' ? ' (tidak wajib)' : '');

/** The hint under "Hubungan dengan penerima", in the office's words for its villages. */
function relationHint(role: string, villages: VillageKind): string {
  const village = villages === 'kelurahan' ? 'kelurahan' : 'desa';
  const hints: Record<string, string> = {
    orang_tua_wali: 'Misalnya ibu kandung, ayah, atau wali.',
    mewakili: 'Misalnya anak, kakak, cucu, atau tetangga.',
    petugas_desa: `Jabatan Anda, misalnya Kasi Kesejahteraan ${village === 'desa' ? 'Desa' : 'Sosial Kelurahan'}.`,
    tksk_psm: `Misalnya TKSK Kecamatan atau PSM ${village}.`,
  };
  return hints[role] ?? '';
}

export function DataStep(props: {
  service: Pick<ServiceRules, 'identity' | 'applicants'>;
  input: Record<DataField, string>;
  birth: Birth;
  errors: FieldErrors;
  kecamatan: { id: string; name: string }[];
  /** How the office names its villages (site.yaml `villages`). */
  villages: VillageKind;
  setInput: (update: (v: Record<DataField, string>) => Record<DataField, string>) => void;
  setBirth: (b: Birth) => void;
  onNext: () => void;
  onBack: () => void;
  /** Shown right after the phone number: how the person wants to hear back (ChannelChoice). */
  afterPhone?: ComponentChildren;
}) {
  const { service, input, birth, errors, kecamatan, villages, setInput, setBirth, onNext, onBack, afterPhone } = props;
  const identity = service.identity ?? DEFAULT_IDENTITY;
  const roles = applicantRoles(villages).filter((r) => !service.applicants || service.applicants.includes(r.id));
  const self = input.pemohon_adalah === 'diri_sendiri';
  const other = input.pemohon_adalah !== '' && !self;
  const setText = (field: DataField) => (e: ValueEvent) => setInput((v) => ({ ...v, [field]: e.currentTarget.value }));
  const idHint = (need: Requirement, text: string) => (need === 'tidak_wajib' ? `${text} Kosongkan bila tidak diketahui.` : text);

  return (
    <form onSubmit={(e) => (e.preventDefault(), onNext())} noValidate>
      <Field id="pemohon_adalah" error={errors['pemohon_adalah']} legend="Siapa yang mengajukan permohonan ini?">
        <div class="radios">
          {roles.map((role, i) => (
            <label key={role.id} class="radio">
              <input
                type="radio"
                id={i === 0 ? 'f-pemohon_adalah' : undefined}
                name="pemohon_adalah"
                value={role.id}
                checked={input.pemohon_adalah === role.id}
                onChange={() => setInput((v) => ({ ...v, pemohon_adalah: role.id }))}
              />
              {role.label}
            </label>
          ))}
        </div>
      </Field>

      {other && (
        <>
          <h3>Data Anda (yang mengajukan)</h3>
          <TextField field="nama_pengaju" label="Nama Anda (yang mengajukan)" error={errors['nama_pengaju']} value={input.nama_pengaju} onInput={setText('nama_pengaju')} autocomplete="name" />
          <TextField
            field="hubungan"
            label={`Hubungan Anda dengan penerima${input.pemohon_adalah === 'mewakili' ? '' : ' (tidak wajib)'}`}
            hint={relationHint(input.pemohon_adalah, villages) || undefined}
            error={errors['hubungan']}
            value={input.hubungan}
            onInput={setText('hubungan')}
          />
          {identity.pengaju.nik !== 'tidak_diminta' && (
            <TextField field="nik_pengaju" label={`NIK Anda${optional(identity.pengaju.nik)}`} hint={idHint(identity.pengaju.nik, 'NIK di KTP Anda sendiri, 16 angka.')} error={errors['nik_pengaju']} value={input.nik_pengaju} onInput={setText('nik_pengaju')} inputMode="numeric" maxLength={24} />
          )}
        </>
      )}

      <h3>Data penerima layanan</h3>
      {other && <p class="hint">Isi data orang yang akan menerima layanan, bukan data Anda. Untuk anak, lihat KK, KIA, atau akta kelahirannya.</p>}
      <TextField field="nama_lengkap" label="Nama lengkap penerima" hint="Sesuai KTP, KIA, akta kelahiran, atau KK." error={errors['nama_lengkap']} value={input.nama_lengkap} onInput={setText('nama_lengkap')} autocomplete={self ? 'name' : 'off'} />
      {identity.penerima.nik !== 'tidak_diminta' && (
        <TextField field="nik" label={`NIK penerima${optional(identity.penerima.nik)}`} hint={idHint(identity.penerima.nik, '16 angka, tercantum di KTP, KIA, atau KK. Anak yang belum punya KTP tetap punya NIK di KK. Dipakai untuk mencocokkan data kependudukan dan memastikan bantuan tidak diterima dua kali; tidak pernah ditampilkan di situs.')} error={errors['nik']} value={input.nik} onInput={setText('nik')} inputMode="numeric" maxLength={24} />
      )}
      {identity.penerima.nomor_kk !== 'tidak_diminta' && (
        <TextField field="nomor_kk" label={`Nomor Kartu Keluarga (KK)${optional(identity.penerima.nomor_kk)}`} hint={idHint(identity.penerima.nomor_kk, '16 angka di bagian atas KK penerima. Dipakai untuk memeriksa susunan keluarga dan data kesejahteraan (DTSEN); tidak pernah ditampilkan di situs.')} error={errors['nomor_kk']} value={input.nomor_kk} onInput={setText('nomor_kk')} inputMode="numeric" maxLength={24} />
      )}
      {identity.penerima.tanggal_lahir !== 'tidak_diminta' && (
        <BirthDateField legend={`Tanggal lahir penerima${optional(identity.penerima.tanggal_lahir)}`} hint="Contoh: 17 8 1965. Penerima di bawah 17 tahun melampirkan akta kelahiran atau KIA, bukan KTP." error={errors['tanggal_lahir']} birth={birth} onChange={setBirth} own={self} />
      )}

      <h3>Kontak dan alamat</h3>
      <TextField field="telepon" type="tel" label="Nomor telepon atau WhatsApp yang dapat dihubungi" hint={`Contoh: 0812-3456-7890. ${other ? 'Nomor Anda sebagai yang mengajukan. ' : ''}Petugas menghubungi nomor ini untuk jadwal kunjungan.`} error={errors['telepon']} value={input.telepon} onInput={setText('telepon')} autocomplete="tel" />
      {afterPhone}
      <KecamatanField label="Kecamatan tempat tinggal" error={errors['kecamatan']} value={input.kecamatan} options={kecamatan} onChange={setText('kecamatan')} />
      <TextField field="desa_kelurahan" label={villageLabel(villages)} error={errors['desa_kelurahan']} value={input.desa_kelurahan} onInput={setText('desa_kelurahan')} />
      <TextField field="alamat" label="Alamat" hint="Alamat penerima: nama jalan, dusun, RT/RW, atau patokan agar petugas dapat menemukan rumah." error={errors['alamat']} value={input.alamat} onInput={setText('alamat')} multiline autocomplete={self ? 'street-address' : 'off'} />
      <Nav back={onBack} />
    </form>
  );
}
