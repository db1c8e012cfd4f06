// image-process: a 12-megapixel camera JPEG (4000 x 3000, noisy like a photo, with EXIF) turned
// into every rendition (lib/media/process.ts), median of 5 after one warm-up; and the process's
// peak resident memory while doing so, sampled every 5 ms. Goals: under 1,500 ms and 300 MB.
import sharp from 'sharp';
import { processImage } from '@/lib/media/process';
import { median, report, round } from './support';

const photo = await sharp({
  create: {
    width: 4000,
    height: 3000,
    channels: 3,
    background: '#808080',
    noise: { type: 'gaussian', mean: 128, sigma: 40 },
  },
})
  .withExif({ IFD0: { Make: 'Kopij-bench' } })
  .jpeg({ quality: 90 })
  .toBuffer();

const before = process.memoryUsage().rss;
let peak = before;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
const times: number[] = [];
let renditions = 0;
for (let i = 0; i < 6; i++) {
  const started = performance.now();
  const image = await processImage(photo);
  if (i > 0) times.push(performance.now() - started);
  renditions = image.renditions.length;
}
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);

const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);
report({
  name: 'image-process',
  value: round(median(times), 1),
  unit: 'ms',
  goalMs: 1500,
  inputBytes: photo.byteLength,
  megapixels: 12,
  renditions,
  peakRssMB: mb(peak),
  rssBeforeMB: mb(before),
  goalMB: 300,
});
