import type { consentEventKinds } from '@/db/schema';

// Dutch words for what the editors' subscriber screens show.

export const consentKindLabels: Record<(typeof consentEventKinds)[number], string> = {
  subscribe_requested: 'Aanmelding aangevraagd',
  confirmed: 'Aanmelding bevestigd',
  preferences_changed: 'Voorkeuren gewijzigd',
  email_change_requested: 'Adreswijziging aangevraagd',
  email_changed: 'Adres gewijzigd',
  paused: 'Gepauzeerd',
  unsubscribed: 'Afgemeld',
  resubscribed: 'Opnieuw aangemeld',
  imported: 'Geïmporteerd',
  erased: 'Gewist',
};
