import { Img } from 'react-email';
import { theme } from './theme';

/**
 * An image as the mail and the archive page place it: absolute URLs of its renditions
 * (narrowest first) and the alt text, empty for a decorative image.
 */
export type PlacedImage = {
  alt: string;
  /** Marked decorative: an empty alt on purpose. An empty alt otherwise is a missing one. */
  decorative: boolean;
  /** The original's proportions, for explicit width and height at any display width. */
  width: number;
  height: number;
  mail: { src: string; width: number; bytes: number }[];
  web: { src: string; width: number }[];
};

/** Display widths in the 600 px mail: the text column inside its 32 px padding, a thumbnail. */
export const IMAGE_WIDTHS = { full: 536, thumbnail: 160 } as const;
const LOGO_HEIGHT = 48;

/** The logo at the masthead's height, at most the text column wide. */
export const logoWidth = (logo: PlacedImage) =>
  Math.min(IMAGE_WIDTHS.full, Math.round((LOGO_HEIGHT * logo.width) / logo.height));

/** Height for a display width, keeping the proportions. */
export const heightAt = (image: PlacedImage, width: number) =>
  Math.round((image.height / image.width) * width);

/**
 * The narrowest mail rendition that is sharp at twice the display width (retina screens), or
 * the widest there is: the file is fetched once per reader, so it should not be larger.
 */
export function mailRendition(image: PlacedImage, displayWidth: number) {
  const sharp = image.mail.find((r) => r.width >= displayWidth * 2);
  return sharp ?? image.mail[image.mail.length - 1]!;
}

/**
 * With images blocked the layout keeps its box (explicit width and height) and the alt text
 * shows in it in the mail's own font and colour, so it stays readable. A full-width image
 * shrinks with a narrow screen (height follows); a logo or thumbnail keeps its exact size, since
 * a blocked image sized `auto` grows to fit its alt text and would push the text around.
 */
export function EmailImage({
  image,
  width,
  fluid = true,
  style,
}: {
  image: PlacedImage;
  width: number;
  fluid?: boolean;
  style?: React.CSSProperties;
}) {
  const shown = Math.min(width, image.width);
  const height = heightAt(image, shown);
  const size = fluid
    ? { width: '100%', maxWidth: `${shown}px`, height: 'auto' }
    : { width: `${shown}px`, height: `${height}px`, overflow: 'hidden' };
  return (
    <Img
      src={mailRendition(image, shown).src}
      alt={image.alt}
      width={shown}
      height={height}
      style={{
        display: 'block',
        ...size,
        border: 0,
        fontFamily: theme.font,
        fontSize: '14px',
        lineHeight: '20px',
        color: theme.muted,
        backgroundColor: theme.soft,
        ...style,
      }}
    />
  );
}
