import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** A PNG whose header declares the given size, with one row of image data: a few hundred bytes. */
export function declaredPng(width: number, height: number): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(1 + width * 3 > 4096 ? 4096 : 1 + width * 3))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A JPEG as a phone makes it: a camera name and the place it was taken (which must not leak). */
export const gpsPhoto = (width = 1600, height = 1200, background = '#7a4b2a') =>
  sharp({ create: { width, height, channels: 3, background } })
    .withExif({
      IFD0: { Make: 'Kopij-testcamera', Copyright: 'Fotograaf' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 5/1 30/1' },
    })
    .jpeg()
    .toBuffer();
