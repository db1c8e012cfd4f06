import type { PlacedImage } from './image';
// One place for the e-mail's look. Colours are explicit everywhere (backgrounds too) so that
// clients that invert for dark mode keep enough contrast.
export const theme = {
  width: 600,
  font: "Arial, 'Helvetica Neue', Helvetica, sans-serif",
  text: '#1a1a1a',
  muted: '#4b5563',
  line: '#d1d5db',
  page: '#f3f4f6',
  paper: '#ffffff',
  soft: '#eef4fb',
};

export type Brand = {
  color: string;
  name: string;
  organisation: string;
  logoUrl: string | null;
  logoAlt: string | null;
  /** A logo from the media library, over `logoUrl`. */
  logo?: PlacedImage | null;
};

export const text = {
  margin: '0 0 12px',
  fontFamily: theme.font,
  fontSize: '16px',
  lineHeight: '24px',
  color: theme.text,
} as const;
export const small = { ...text, fontSize: '13px', lineHeight: '18px', color: theme.muted } as const;
export const label = {
  ...small,
  margin: '0 0 4px',
  fontWeight: 'bold',
  textTransform: 'uppercase',
  letterSpacing: '0.5px',
} as const;
export const heading = (color: string) =>
  ({
    margin: '0 0 8px',
    fontFamily: theme.font,
    fontSize: '20px',
    lineHeight: '26px',
    color,
    fontWeight: 'bold',
  }) as const;
export const link = (color: string) =>
  ({ color, textDecoration: 'underline', fontWeight: 'bold' }) as const;

/** Rich text in the mail: every element styled inline, as mail clients ignore style sheets. */
export const richTextStyles = (color: string) =>
  ({
    mode: 'email',
    p: text,
    a: { ...link(color), fontWeight: 'normal' },
    h3: { ...heading(text.color), fontSize: '17px', margin: '16px 0 6px' },
    list: { ...text, paddingLeft: '24px' },
    li: { margin: '0 0 4px' },
  }) as const;
