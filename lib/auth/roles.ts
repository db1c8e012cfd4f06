import type { EditorRole } from '@/lib/enums';

// Roles are nested: a hoofdredacteur may do all a redacteur may, an admin all of both.
const rank: Record<EditorRole, number> = { redacteur: 1, hoofdredacteur: 2, admin: 3 };

export function hasRole(role: EditorRole, atLeast: EditorRole): boolean {
  return rank[role] >= rank[atLeast];
}

export const roleLabels: Record<EditorRole, string> = {
  admin: 'Beheerder',
  hoofdredacteur: 'Hoofdredacteur',
  redacteur: 'Redacteur',
};

export const roleDescriptions: Record<EditorRole, string> = {
  redacteur: 'Schrijft items, stelt nummers samen en vraagt om review.',
  hoofdredacteur: 'Kan daarnaast nummers goedkeuren, inplannen en verzenden.',
  admin: 'Kan daarnaast redacteuren, nieuwsbrieven en instellingen beheren.',
};
