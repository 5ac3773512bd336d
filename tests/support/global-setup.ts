import { buildServer, checkServer } from '../../scripts/lib/server-build.mjs';

// Integration and journey tests start PocketBase, whose hooks and migrations are generated from
// content/ and the rules. A developer who changed either gets them rebuilt here; `npm test` has
// already reported the stale files as a failure of its own.
export default async function setup() {
  if (checkServer().length > 0) await buildServer();
}
