import { describe, expect, it } from 'vitest';
import {
  brandColourProblem,
  contrastRatio,
  formatRatio,
  meetsAA,
  relativeLuminance,
} from './contrast';

describe('contrastRatio', () => {
  it('gives the WCAG extremes and is symmetric', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#ffffff', '#1d4f91')).toBeCloseTo(contrastRatio('#1d4f91', '#ffffff'));
  });

  it('matches published values (WebAIM contrast checker)', () => {
    // #767676 is the classic lightest grey that passes AA on white: 4.54:1.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(relativeLuminance('#ff0000')).toBeCloseTo(0.2126, 4);
  });

  it('rejects what is not #rrggbb', () => {
    expect(() => relativeLuminance('red')).toThrow();
  });
});

describe('meetsAA and the message', () => {
  it('passes dark brand colours and fails light ones', () => {
    expect(meetsAA('#1b5e20')).toBe(true);
    expect(meetsAA('#0b3a6e')).toBe(true);
    expect(meetsAA('#767676')).toBe(true);
    expect(meetsAA('#777777')).toBe(false);
    expect(meetsAA('#8bc34a')).toBe(false);
  });

  it('names the measured ratio, rounded down, in Dutch notation', () => {
    expect(formatRatio(4.48)).toBe('4,4:1');
    expect(formatRatio(21)).toBe('21,0:1');
    expect(brandColourProblem('#1b5e20')).toBeNull();
    expect(brandColourProblem('#8bc34a')).toBe(
      `Deze kleur geeft ${formatRatio(contrastRatio('#8bc34a', '#ffffff'))} contrast met witte tekst; kies een donkerder kleur (minstens 4,5:1).`,
    );
    expect(brandColourProblem('#8bc34a')).toMatch(/^Deze kleur geeft 2,\d:1 contrast/);
    expect(brandColourProblem('groen')).toMatch(/#rrggbb/);
  });
});
