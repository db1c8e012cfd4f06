import { z } from 'zod';

// Dutch default messages for every schema; our own messages override them where they matter.
z.config(z.locales.nl());

export { z };
