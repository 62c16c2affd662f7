// Site photos for the demo's progress reports: small PNGs drawn from the seed (a sky, a horizon, a field and a
// building block in the village's colours), so that a task's history shows photos as a cadre's would, with no
// image files in the repository.
import zlib from 'node:zlib';
import { seededRandom } from './seeded-random.js';

const WIDTH = 160;
const HEIGHT = 120;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGB PNG of WIDTH × HEIGHT whose pixels `paint` gives. */
function encodePng(paint: (x: number, y: number) => [number, number, number]): Buffer {
  const rows = Buffer.alloc((WIDTH * 3 + 1) * HEIGHT);
  for (let y = 0; y < HEIGHT; y++) {
    const start = y * (WIDTH * 3 + 1); // filter byte 0 at the start of each row
    for (let x = 0; x < WIDTH; x++) rows.set(paint(x, y), start + 1 + x * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The n-th site photo of a seed: always the same bytes for the same (seed, n). */
export function demoSitePhoto(seed: number, n: number): Buffer {
  const r = seededRandom(seed * 1009 + n);
  const horizon = r.int(40, 70);
  const ground: [number, number, number] = [r.int(70, 130), r.int(110, 160), r.int(50, 90)];
  const wall: [number, number, number] = [r.int(180, 235), r.int(170, 225), r.int(150, 210)];
  const left = r.int(20, 90);
  const width = r.int(30, 55);
  const top = horizon - r.int(10, 30);
  return encodePng((x, y) => {
    if (x >= left && x < left + width && y >= top && y < horizon + 15) return wall;
    if (y < horizon) return [120 + Math.round((y / horizon) * 60), 170 + Math.round((y / horizon) * 40), 230];
    const shade = ((x + y) % 9) * 2;
    return [ground[0] - shade, ground[1] - shade, ground[2] - shade];
  });
}

/** A UUID-shaped id from the seed (attachments are named by UUID; the demo's must be the same on every load). */
export function demoPhotoId(seed: number, n: number): string {
  const r = seededRandom(seed * 7919 + n);
  const hex = Array.from({ length: 32 }, () => r.int(0, 15).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
