// `npm run petugas -- --email <surel> --nama "<nama>" --peran <peran,…> [--kecamatan <kunci,…>]`:
// creates a staff account, as an administrator can in the admin UI. It prints a first password
// once; the person must change it at their first sign-in. Roles and kecamatan are the keys of
// content/reference/roles.yaml and kecamatan.yaml.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { readConfig } from './lib/site.mjs';
import { generatePassword, migrateUp, pocketbaseBinary, portalCommandArgs } from './lib/pocketbase.mjs';

const { values } = parseArgs({ options: { email: { type: 'string' }, nama: { type: 'string' }, peran: { type: 'string' }, kecamatan: { type: 'string' } } });
if (!values.email || !values.nama || !values.peran) {
  console.error('Pakai: npm run petugas -- --email petugas@dinsos.go.id --nama "Nama Lengkap" --peran kasi[,kabid] [--kecamatan <id kecamatan>,…]');
  process.exit(2);
}
const config = readConfig();
const password = generatePassword();
await migrateUp(config.dataDir, config.serverDir);
try {
  const { stdout } = await promisify(execFile)(pocketbaseBinary(), portalCommandArgs('portal-petugas', config.dataDir, config.serverDir), {
    env: { ...process.env, PORTAL_PETUGAS_EMAIL: values.email, PORTAL_PETUGAS_NAMA: values.nama, PORTAL_PETUGAS_PERAN: values.peran, PORTAL_PETUGAS_KECAMATAN: values.kecamatan ?? '', PORTAL_PETUGAS_SANDI: password },
  });
  process.stdout.write(stdout);
  console.log(`  Kata sandi pertama (berikan secara langsung; wajib diganti saat pertama masuk): ${password}`);
} catch (err) {
  console.error(`✖ ${String(err.stderr ?? err.message).trim().split('\n').pop()}`);
  process.exit(1);
}
