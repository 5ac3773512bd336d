// Route logic of the PocketBase hooks, written in TypeScript with the API types of src/lib/api/
// and bundled by the server build (scripts/lib/server-build.mjs) into
// pocketbase/pb_hooks/lib/server.generated.js, as src/lib/rules is into rules.generated.js (which
// this bundle requires rather than copies). The hooks' route registrations hand each function the
// database as a small interface (`…Db`), so the logic is unit-tested on plain data
// (tests/unit/server-routes.test.ts). Nothing here may touch the DOM, Node or PocketBase's globals.
export * from './common';
export * from './lacak';
export * from './statistik';
export * from './progres';
export * from './survei';
export * from './surat';
export * from './lakin';
export * from './proof';
export * from './petugas';
export * from './workspace';
export * from './case-view';
export * from './case-actions';
export * from './messages';
export * from './reupload';
