import { describe, expect, it } from 'vitest';
import { normaliseAddress, subscriberEmail } from './address';

describe('normaliseAddress', () => {
  it('trims and lower-cases', () => {
    expect(normaliseAddress('  Jan.Jansen@Gemeente.NL ')).toBe('jan.jansen@gemeente.nl');
  });

  it('turns an internationalised domain into punycode', () => {
    expect(normaliseAddress('info@bücher.de')).toBe('info@xn--bcher-kva.de');
  });

  it('composes Unicode so the same letters are one spelling', () => {
    expect(normaliseAddress('re\u0301ne@example.nl')).toBe(
      normaliseAddress('r\u00e9ne@example.nl'),
    );
  });

  it('leaves something that is not an address alone for the validator to refuse', () => {
    expect(normaliseAddress('geen-adres')).toBe('geen-adres');
  });
});

describe('subscriberEmail', () => {
  it('accepts and normalises a valid address', () => {
    expect(subscriberEmail.parse(' Griffie@Voorbeeld.nl')).toBe('griffie@voorbeeld.nl');
  });

  it.each([
    '',
    '   ',
    'jan',
    'jan@',
    '@gemeente.nl',
    'jan@@gemeente.nl',
    'jan gemeente@nl.nl',
    `${'a'.repeat(250)}@x.nl`,
  ])('refuses %j with a Dutch message', (input) => {
    const result = subscriberEmail.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/e-mailadres/);
  });
});
