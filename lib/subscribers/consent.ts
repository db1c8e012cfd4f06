/**
 * The consent wording shown on the sign-up form. Its version is stored with every consent event,
 * so an organisation can show which text a subscriber agreed to (GDPR art. 7). Change the text,
 * change the version.
 */
export const consentWording = {
  version: '2026-11-aanmelden-1',
  text: 'Ik geef toestemming om deze nieuwsbrief per e-mail te ontvangen. Mijn gegevens worden alleen hiervoor gebruikt en ik kan mij op elk moment afmelden via de link in elke nieuwsbrief.',
} as const;

/** How long a confirmation link for a sign-up or an address change works. */
export const CONFIRM_DAYS = 7;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** The pause periods a subscriber can choose, in days. */
export const pauseOptions = [
  { days: 14, label: '2 weken' },
  { days: 30, label: '1 maand' },
  { days: 90, label: '3 maanden' },
] as const;
