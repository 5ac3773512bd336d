// The QR code of a letter as one SVG path, drawn from qrcode-generator's module matrix (no
// innerHTML, no canvas: it prints sharp at any size). Shared by the letter page and its test,
// which regenerates the path for the address it expects.
import qrcode from 'qrcode-generator';

/** Quiet zone around the symbol, in modules (the standard asks for 4). */
export const QR_MARGIN = 4;

export function qrPath(text: string): { size: number; d: string } {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  let d = '';
  for (let row = 0; row < n; row++) for (let col = 0; col < n; col++) if (qr.isDark(row, col)) d += `M${col + QR_MARGIN} ${row + QR_MARGIN}h1v1h-1z`;
  return { size: n + 2 * QR_MARGIN, d };
}
