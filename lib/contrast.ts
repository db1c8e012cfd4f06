// WCAG 2.x contrast, for a brand colour that carries white text (buttons, headings in the mail).
// Pure and dependency-free, so the settings form can show the same answer as it types.

export const AA_NORMAL_TEXT = 4.5;

const hexColour = /^#[0-9a-f]{6}$/i;

export function isHexColour(value: string): boolean {
  return hexColour.test(value);
}

/** Relative luminance of a #rrggbb colour (WCAG 2.2, definition "relative luminance"). */
export function relativeLuminance(hex: string): number {
  if (!isHexColour(hex)) throw new Error(`Geen kleur als #rrggbb: ${hex}`);
  const [r, g, b] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** (L1 + 0.05) / (L2 + 0.05), the lighter colour on top: from 1 (none) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** Whether white text on this colour reaches AA for normal text (4.5:1). */
export function meetsAA(background: string, foreground = '#ffffff'): boolean {
  return contrastRatio(background, foreground) >= AA_NORMAL_TEXT;
}

/**
 * The ratio as Dutch readers write it, "2,9:1". Rounded down, so a colour just under the
 * threshold never reads as "4,5:1".
 */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 10) / 10).toFixed(1).replace('.', ',')}:1`;
}

/** Null when white text on the colour is readable enough; otherwise what to tell the editor. */
export function brandColourProblem(hex: string): string | null {
  if (!isHexColour(hex)) return 'Vul een kleur in als #rrggbb, bijvoorbeeld #1d4f91.';
  const ratio = contrastRatio(hex, '#ffffff');
  if (ratio >= AA_NORMAL_TEXT) return null;
  return `Deze kleur geeft ${formatRatio(ratio)} contrast met witte tekst; kies een donkerder kleur (minstens 4,5:1).`;
}
