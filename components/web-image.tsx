import type { PlacedImage } from '@/emails/image';
import { heightAt } from '@/emails/image';

/**
 * An image on a public page: the browser picks a WebP width from `srcset` for the space `sizes`
 * gives it; explicit width and height keep the layout from jumping while it loads.
 */
export function WebImage({
  image,
  sizes,
  eager = false,
  className,
}: {
  image: PlacedImage;
  sizes: string;
  eager?: boolean;
  className?: string;
}) {
  const versions = image.web.length ? image.web : image.mail;
  const fallback = versions[Math.min(1, versions.length - 1)];
  if (!fallback) return null;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- our own renditions: next/image would resize them again
    <img
      src={fallback.src}
      srcSet={versions.map((v) => `${v.src} ${v.width}w`).join(', ')}
      sizes={sizes}
      alt={image.alt}
      width={fallback.width}
      height={heightAt(image, fallback.width)}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
      className={`h-auto rounded-md bg-gray-100 ${className ?? ''}`}
    />
  );
}
