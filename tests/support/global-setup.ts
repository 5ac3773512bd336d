import { buildHookLibs } from '../../scripts/lib/hooks.mjs';

// Integration and journey tests start PocketBase, whose hooks need the rules bundle.
export default function setup() {
  buildHookLibs();
}
