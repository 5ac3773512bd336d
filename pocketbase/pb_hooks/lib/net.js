// Address lists from the environment (PORTAL_TRUSTED_PROXIES, PORTAL_ADMIN_IPS): exact IPv4 or
// IPv6 addresses and IPv4/IPv6 CIDR ranges, comma-separated.

/** "10.0.0.0/8, ::1" → ["10.0.0.0/8", "::1"]. */
function listFromEnv(name, fallback) {
  const raw = String($os.getenv(name) || "").trim();
  const text = raw || fallback || "";
  return text.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
}

function ipv4Bits(ip) {
  const parts = ip.split(".");
  if (parts.length !== 4) return null;
  const bits = [];
  for (let i = 0; i < 4; i++) {
    if (!/^[0-9]{1,3}$/.test(parts[i]) || Number(parts[i]) > 255) return null;
    const n = Number(parts[i]);
    for (let b = 7; b >= 0; b--) bits.push((n >> b) & 1);
  }
  return bits;
}

function ipv6Bits(ip) {
  let text = ip.toLowerCase();
  if (text.indexOf(".") >= 0) return null; // mapped IPv4 forms are not used in these lists
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return null;
  const groups = head.concat(Array(halves.length === 2 ? missing : 0).fill("0"), tail);
  const bits = [];
  for (let i = 0; i < 8; i++) {
    if (!/^[0-9a-f]{1,4}$/.test(groups[i])) return null;
    const n = parseInt(groups[i], 16);
    for (let b = 15; b >= 0; b--) bits.push((n >> b) & 1);
  }
  return bits;
}

function bitsOf(ip) {
  return ip.indexOf(":") >= 0 ? ipv6Bits(ip) : ipv4Bits(ip);
}

/** Whether `ip` is one of the addresses or inside one of the ranges. */
function inList(ip, list) {
  const bits = bitsOf(String(ip || ""));
  if (!bits) return false;
  for (let i = 0; i < list.length; i++) {
    const [base, prefixText] = list[i].split("/");
    const baseBits = bitsOf(base);
    if (!baseBits || baseBits.length !== bits.length) continue;
    const prefix = prefixText === undefined ? bits.length : Number(prefixText);
    if (!(prefix >= 0 && prefix <= bits.length)) continue;
    let same = true;
    for (let b = 0; b < prefix; b++) {
      if (bits[b] !== baseBits[b]) {
        same = false;
        break;
      }
    }
    if (same) return true;
  }
  return false;
}

module.exports = { listFromEnv: listFromEnv, inList: inList };
