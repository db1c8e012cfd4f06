import { describe, expect, it } from 'vitest';
import { archivedIssueParams, archivedItemParams } from './params';

describe('an archived issue path', () => {
  it('takes the segments as Next hands them over, already decoded', () => {
    expect(
      archivedIssueParams.parse({ nieuwsbrief: 'raadsbericht', nummer: '21-begroting' }),
    ).toEqual({
      nieuwsbrief: 'raadsbericht',
      nummer: '21-begroting',
    });
    // `%25` in the address arrives as a lone `%`: a slug that matches nothing, not an error.
    expect(archivedIssueParams.safeParse({ nieuwsbrief: '%', nummer: '1' }).success).toBe(true);
  });

  it('gives nothing to look up for an empty or absurdly long segment', () => {
    expect(archivedIssueParams.safeParse({ nieuwsbrief: '', nummer: '1' }).success).toBe(false);
    expect(
      archivedIssueParams.safeParse({ nieuwsbrief: 'a'.repeat(201), nummer: '1' }).success,
    ).toBe(false);
  });

  it('reads an agenda item id only as a plain positive number', () => {
    const item = (value: string) =>
      archivedItemParams.safeParse({ nieuwsbrief: 'raadsbericht', nummer: '1', item: value });
    expect(item('42').data?.item).toBe(42);
    for (const value of ['0', '007', '-1', '1e3', '9999999999', 'NaN', ' 1', '１'])
      expect(item(value).success, value).toBe(false);
  });
});
