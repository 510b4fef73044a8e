import { deflateSync, crc32 } from 'node:zlib';

/**
 * Small PNGs drawn in code for the demo's progress photos: no image files in the repository, and
 * every run gives the same bytes. A real encoder (signature, IHDR, one deflated IDAT, IEND) so
 * the preview's `<image>` and wx.previewImage show them as any phone photo.
 */

export type Rgb = readonly [number, number, number];

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function png(width: number, height: number, paint: (x: number, y: number) => Rgb): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x += 1) {
      const [r, g, b] = paint(x, y);
      rows.writeUInt8(r, row + 1 + x * 3);
      rows.writeUInt8(g, row + 2 + x * 3);
      rows.writeUInt8(b, row + 3 + x * 3);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const W = 320;
const H = 240;

/** The tower's façade: grey wall, rows of windows, the elevator shaft in the middle. */
export function towerPhoto(sky: Rgb): Buffer {
  return png(W, H, (x, y) => {
    if (y < 40 || x < 90 || x > 230) return sky;
    if (x > 145 && x < 175) return [120, 120, 128];
    const window =
      (x - 90) % 24 > 6 && (x - 90) % 24 < 18 && (y - 40) % 20 > 5 && (y - 40) % 20 < 14;
    return window ? [70, 110, 150] : [205, 200, 190];
  });
}

/** Inside the shaft: two guide rails and the car frame. */
export function shaftPhoto(): Buffer {
  return png(W, H, (x, y) => {
    if (x === 100 || x === 101 || x === 220 || x === 221) return [180, 180, 190];
    if (x > 110 && x < 210 && y > 90 && y < 170)
      return (y - 90) % 16 < 2 ? [90, 90, 90] : [150, 120, 80];
    return [40, 42, 48];
  });
}

/** A meeting: a whiteboard and rows of chairs. */
export function meetingPhoto(): Buffer {
  return png(W, H, (x, y) => {
    if (y > 20 && y < 100 && x > 60 && x < 260) return [245, 245, 240];
    if (y > 140 && x % 30 < 18 && (y - 140) % 30 < 16) return [200, 60, 50];
    return [230, 215, 180];
  });
}

/** A page of a report: white sheet, lines of text, a red stamp. */
export function reportPhoto(): Buffer {
  return png(W, H, (x, y) => {
    if (x < 70 || x > 250 || y < 10 || y > 230) return [90, 90, 96];
    const dx = x - 210;
    const dy = y - 190;
    if (dx * dx + dy * dy < 400 && dx * dx + dy * dy > 250) return [210, 40, 40];
    if (y > 30 && y < 170 && (y - 30) % 14 < 4 && x > 85 && x < 235) return [60, 60, 60];
    return [252, 252, 250];
  });
}

/** A signed paper form (ballot or written authorization): ruled lines, boxes, a signature. */
export function signedFormPhoto(): Buffer {
  return png(W, H, (x, y) => {
    if (x < 60 || x > 260 || y < 8 || y > 232) return [120, 110, 100];
    if (y > 24 && y < 32 && x > 110 && x < 210) return [40, 40, 40];
    if (y > 50 && y < 150 && (y - 50) % 16 < 2 && x > 76 && x < 244) return [150, 150, 150];
    if (y > 160 && y < 176 && ((x > 80 && x < 96) || (x > 150 && x < 166))) {
      return x < 96 && Math.abs(y - 168 - (x - 88) / 2) < 2 ? [30, 30, 140] : [90, 90, 90];
    }
    if (y > 196 && y < 220 && x > 160 && x < 240 && Math.abs(y - 208 - 8 * Math.sin(x / 6)) < 2) {
      return [30, 30, 140];
    }
    return [250, 249, 244];
  });
}
