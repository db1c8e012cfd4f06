import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './callback-url';

describe('safeCallbackUrl', () => {
  it.each([
    ['/redactie', '/redactie'],
    ['/redactie/instellingen?tab=1', '/redactie/instellingen?tab=1'],
    ['http://localhost:3000/redactie/nummers/4', '/redactie/nummers/4'],
    ['https://evil.example/redactie', '/redactie'],
    ['//evil.example/redactie', '/redactie'],
    ['/redactieX', '/redactie'],
    ['/archief', '/redactie'],
    ['/\\evil.example', '/redactie'],
    ['javascript:alert(1)', '/redactie'],
    [undefined, '/redactie'],
  ])('%s → %s', (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });
});
