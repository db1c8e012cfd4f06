import type { Config } from '@/lib/config';
import { mailboxLimiter, rateLimiter } from '@/lib/rate-limit';

// Three counters, each over 15 minutes:
// - per (address, client): SIGN_IN_LIMIT links. A stranger who asks for an editor's address
//   uses up only their own pair, never the editor's.
// - per address over all clients: SIGN_IN_ADDRESS_LIMIT, the ceiling that keeps a mailbox from
//   being flooded from many clients. A browser that signed in as that editor before (the signed
//   device cookie, lib/auth/known-device.ts) is not held to it, so the owner is still mailed.
// - per client over all addresses: six times SIGN_IN_LIMIT, against one client mailing many
//   mailboxes; the only limit that is answered with a message (it is about the client, not about
//   the address, so the answer tells nothing about the address).
// Only a request that passed its pair counts toward the ceiling: a stranger repeating one
// request from one client cannot fill it.

const WINDOW_MS = 15 * 60_000;

export type SignInVerdict =
  /** Mail the link (when the address is an active editor's). */
  | 'send'
  /** Answer as usual, send nothing: nobody learns whether the address is known. */
  | 'quiet'
  /** This client asked too often: say so. */
  | 'client-limit';

export function signInLimiter(config: Pick<Config, 'signInLimit' | 'signInAddressLimit'>) {
  const perClient = rateLimiter({ limit: config.signInLimit * 6, windowMs: WINDOW_MS });
  const mailbox = mailboxLimiter({
    pairLimit: config.signInLimit,
    ceiling: config.signInAddressLimit,
    windowMs: WINDOW_MS,
  });
  return {
    /**
     * Counts one request for `email` from `client` (lib/http/client-address.ts clientKey);
     * `device` is the id of a valid device cookie made for this address, if any.
     */
    take(
      { email, client, device }: { email: string; client: string; device?: string },
      now = Date.now(),
    ): SignInVerdict {
      if (device) return mailbox.takePair(email, `apparaat:${device}`, now) ? 'send' : 'quiet';
      if (!perClient.take(client, now)) return 'client-limit';
      return mailbox.take(email, client, now) ? 'send' : 'quiet';
    },
  };
}
