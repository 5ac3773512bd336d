/// <reference path="../pb_data/types.d.ts" />
// PORTAL_ADMIN_IPS (comma-separated addresses or CIDR ranges, e.g. the office network and a
// VPN) limits the administrators' tools to those addresses: the admin UI at /_/, every superuser
// sign-in, one-time-code and password-reset route, and (through PocketBase's own superuserIPs
// setting, applied at every start while the variable is set) every request made with a superuser
// token. Unset, nothing is limited here and the setting is left as the admin UI has it. The
// visitor's address is the one trusted-proxy.pb.js lets through. The check of each request is a
// step of lib/middlewares.js.
onBootstrap((e) => {
  e.next();
  const list = require(`${__hooks}/lib/net.js`).listFromEnv("PORTAL_ADMIN_IPS", "");
  if (list.length === 0) return;
  const settings = e.app.settings();
  if (JSON.stringify(settings.superuserIPs || []) === JSON.stringify(list)) return;
  settings.superuserIPs = list;
  e.app.save(settings);
});
