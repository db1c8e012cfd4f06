import { describe, expect, it } from 'vitest';
import { listIdOf } from './list-id';

describe('listIdOf', () => {
  it('uses the host of PUBLIC_URL when the newsletter names no domain', () => {
    expect(listIdOf({ slug: 'raadsbericht' }, 'https://nieuwsbrief.vsg.example:8443/x')).toBe(
      'raadsbericht.nieuwsbrief.vsg.example',
    );
    expect(listIdOf({ slug: 'r', listIdDomain: null }, 'http://localhost:3000')).toBe(
      'r.localhost',
    );
    expect(listIdOf({ slug: 'r', listIdDomain: '' }, 'http://localhost:3000')).toBe('r.localhost');
  });

  it('uses the newsletter’s own List-Id domain when set', () => {
    expect(
      listIdOf({ slug: 'zorgpost', listIdDomain: 'lijsten.zorg.example' }, 'https://kopij.host'),
    ).toBe('zorgpost.lijsten.zorg.example');
  });
});
