import { describe, expect, it } from 'vitest';
import { issueHeading, issueTitle } from './title';

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

describe('issueHeading', () => {
  it('puts the title before the subject, once', () => {
    expect(issueHeading('Raadsbericht 25', 'agenda ALV')).toBe('Raadsbericht 25: agenda ALV');
    // The demo's subjects, like many editors', start with the title already.
    expect(issueHeading('Raadsbericht 25', 'Raadsbericht 25: agenda ALV')).toBe(
      'Raadsbericht 25: agenda ALV',
    );
    expect(issueHeading('Raadsbericht 25', 'Raadsbericht 25')).toBe('Raadsbericht 25');
    expect(issueHeading('Raadsbericht 25', '  ')).toBe('Raadsbericht 25');
  });

  it('does not take another number for the same title', () => {
    expect(issueHeading('Raadsbericht 2', 'Raadsbericht 25: agenda')).toBe(
      'Raadsbericht 2: Raadsbericht 25: agenda',
    );
  });
});
