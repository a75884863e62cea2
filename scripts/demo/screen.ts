// A screenshot of the whole X display, browser window and toolbar included (a page screenshot shows
// only the page). `xwd` (Debian's x11-apps) dumps the screen; this turns its ZPixmap into a PNG.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

export interface Crop {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function screenToPng(path: string, crop?: Crop): void {
  const dir = mkdtempSync(join(tmpdir(), 'scholarscope-screen-'));
  try {
    execFileSync('xwd', ['-root', '-silent', '-out', join(dir, 'screen.xwd')]);
    writeFileSync(path, xwdToPng(readFileSync(join(dir, 'screen.xwd')), crop));
  } catch (error) {
    throw new Error(`Could not capture the screen (needs a display and xwd: apt-get install -y x11-apps): ${String(error)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** XWD (X Window Dump) of a 24/32-bit TrueColor screen to an RGB PNG. */
function xwdToPng(xwd: Buffer, crop?: Crop): Buffer {
  const field = (index: number) => xwd.readUInt32BE(index * 4);
  const [headerSize, width, height, byteOrder, bitsPerPixel, bytesPerLine, ncolors] = [field(0), field(4), field(5), field(7), field(11), field(12), field(19)];
  const [redMask, greenMask, blueMask] = [field(14), field(15), field(16)];
  if (field(2) !== 2 || (bitsPerPixel !== 32 && bitsPerPixel !== 24)) throw new Error(`Unsupported XWD: format ${field(2)}, ${bitsPerPixel} bits per pixel`);
  const pixels = headerSize + ncolors * 12;
  const area = crop ?? { x: 0, y: 0, width, height };
  // Where each 8-bit channel sits in the pixel (masks like 0xff0000).
  const shift = (mask: number) => 31 - Math.clz32(mask) - 7;
  const rows = Buffer.alloc(area.height * (1 + area.width * 3));
  for (let y = 0; y < area.height; y++) {
    const row = y * (1 + area.width * 3);
    for (let x = 0; x < area.width; x++) {
      const at = pixels + (area.y + y) * bytesPerLine + (area.x + x) * (bitsPerPixel / 8);
      const value = byteOrder === 0 ? xwd.readUIntLE(at, bitsPerPixel / 8) : xwd.readUIntBE(at, bitsPerPixel / 8);
      rows[row + 1 + x * 3] = (value & redMask) >>> shift(redMask);
      rows[row + 2 + x * 3] = (value & greenMask) >>> shift(greenMask);
      rows[row + 3 + x * 3] = (value & blueMask) >>> shift(blueMask);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(area.width, 0);
  header.writeUInt32BE(area.height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}
