import { describe, expect, it } from 'vitest';
import { issueTitle } from './title';

describe('issueTitle', () => {
  it('gives "<name> <number>" for the default pattern, as before the pattern existed', () => {
    expect(issueTitle({ name: 'Raadsbericht', titlePattern: '{naam} {nummer}' }, 24)).toBe(
      'Raadsbericht 24',
    );
    expect(issueTitle({ name: 'Raadsbericht' }, 3)).toBe('Raadsbericht 3');
  });

  it('fills a pattern of its own, each placeholder as often as it appears', () => {
    expect(issueTitle({ name: 'Zorgpost', titlePattern: 'Nr. {nummer} – {naam}' }, 7)).toBe(
      'Nr. 7 – Zorgpost',
    );
    expect(issueTitle({ name: 'Z', titlePattern: 'Editie {nummer} ({nummer})' }, 2)).toBe(
      'Editie 2 (2)',
    );
  });

  it('does not read a name as a pattern', () => {
    expect(issueTitle({ name: 'Over {nummer}', titlePattern: '{naam} {nummer}' }, 5)).toBe(
      'Over {nummer} 5',
    );
  });
});
