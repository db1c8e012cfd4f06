import 'server-only';
import { db } from '@/db';
import { pendingEmailOf } from './flows-address';
import { currentTokenVersion } from './flows-common';
import { SubscriberError } from './errors';
import { linkKey } from './links';
import {
  bindingOf,
  peekSubscriberId,
  verifyToken,
  type TokenCheck,
  type TokenPurpose,
} from './tokens';

/** Checks a personal link against the secret and the subscriber's current token version. */
export function checkLink(purpose: TokenPurpose, token: string): TokenCheck {
  const database = db();
  let bind: string | undefined;
  if (purpose === 'email') {
    const id = peekSubscriberId(token);
    const pending = id === undefined ? null : pendingEmailOf(database, id);
    // Bound to the address waiting for confirmation: a link for an address since replaced fails.
    bind = bindingOf(pending ?? '');
  }
  return verifyToken(linkKey(), purpose, token, {
    bind,
    currentVersion: (id) => currentTokenVersion(database, id),
  });
}

/** The refusal for a link that does not work, in words a subscriber understands. */
export function linkRefusal(check: Extract<TokenCheck, { ok: false }>): SubscriberError {
  return check.reason === 'expired' || check.reason === 'revoked'
    ? new SubscriberError(
        'Deze link werkt niet meer. Vraag via /nieuwe-link een nieuwe link aan.',
        410,
      )
    : new SubscriberError(
        'Deze link is niet geldig. Controleer of u de hele link uit de mail heeft gebruikt, of vraag via /nieuwe-link een nieuwe aan.',
        400,
      );
}

/** The claims of a working link, or the refusal. */
export function requireLink(purpose: TokenPurpose, token: string) {
  const check = checkLink(purpose, token);
  if (!check.ok) throw linkRefusal(check);
  return check.claims;
}
