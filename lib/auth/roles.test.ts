import { describe, expect, it } from 'vitest';
import { editorRoles } from '@/db/schema';
import { hasRole, roleLabels } from './roles';

describe('hasRole', () => {
  it('nests the roles: admin ⊇ hoofdredacteur ⊇ redacteur', () => {
    expect(hasRole('admin', 'admin')).toBe(true);
    expect(hasRole('admin', 'redacteur')).toBe(true);
    expect(hasRole('hoofdredacteur', 'redacteur')).toBe(true);
    expect(hasRole('hoofdredacteur', 'admin')).toBe(false);
    expect(hasRole('redacteur', 'hoofdredacteur')).toBe(false);
    expect(hasRole('redacteur', 'redacteur')).toBe(true);
  });

  it('has a Dutch label for every role', () => {
    for (const role of editorRoles) expect(roleLabels[role]).toMatch(/^[A-Z]/);
  });
});
