import type { OIDCConfig } from 'next-auth/providers';
import { db } from '@/db';
import { recordAudit } from '@/lib/audit';
import type { Config } from '@/lib/config';
import { findActiveEditor } from '@/lib/editors/queries';

// Single sign-on for editors through their organisation's OpenID provider (Microsoft Entra ID in
// most municipalities). Sign-in never makes an editor: the verified e-mail claim must belong to
// one an admin added, exactly as with the mailed link.

export const OIDC_PROVIDER_ID = 'oidc';

/** Where /inloggen shows the refusal; one message for every reason, so no address is revealed. */
export const OIDC_REFUSED = '/inloggen?error=SsoDenied';

type Oidc = NonNullable<Config['oidc']>;
type Claims = Record<string, unknown>;

// A single-tenant Entra ID issuer: its ID tokens come from that tenant only.
const entraIssuer = /^https:\/\/login\.microsoftonline\.com\/([0-9a-f-]{36})\/v2\.0$/i;

/**
 * Whether the provider vouches for the e-mail claim. `email_verified: true` is the standard.
 * Entra ID never sends `email_verified`; its own signal is the optional claim `xms_edov`
 * ("e-mail domain owner verified": the address's domain is verified in the user's tenant, or
 * the address was proven otherwise), which the app registration must add to the ID token. It is
 * read only for a tenant's own issuer, only when `email_verified` is absent (a provider that says
 * `false` is never overridden) and only for a token of that tenant. Anything else: unverified.
 */
export function emailVerified(claims: Claims, issuer: string): boolean {
  if ('email_verified' in claims) return claims.email_verified === true;
  const tenant = entraIssuer.exec(issuer)?.[1]?.toLowerCase();
  if (!tenant || String(claims.tid).toLowerCase() !== tenant) return false;
  // Entra has been seen to send the flag as a boolean and as a string.
  return claims.xms_edov === true || claims.xms_edov === 'true' || claims.xms_edov === '1';
}

export type Refusal = 'no_email' | 'unverified' | 'unknown' | 'other_account';

const reasons: Record<Refusal, string> = {
  no_email: 'de organisatie gaf geen e-mailadres mee',
  unverified: 'het e-mailadres is niet bevestigd door de organisatie',
  unknown: 'geen actieve redacteur met dit e-mailadres',
  other_account: 'dit organisatieaccount hoort bij een andere redacteur',
};

/**
 * Decides an SSO sign-in: null when the claims belong to an active editor, else the reason.
 * `userEmail` is the address of the editor the account is already linked to, if any (Auth.js
 * looks the account up before asking); a link never outlives a change of address.
 */
export function refusalFor(claims: Claims, issuer: string, userEmail?: string | null) {
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (!email) return { reason: 'no_email' as const, email };
  if (!emailVerified(claims, issuer)) return { reason: 'unverified' as const, email };
  const editor = findActiveEditor(email);
  if (!editor) return { reason: 'unknown' as const, email };
  if (userEmail && userEmail.toLowerCase() !== email)
    return { reason: 'other_account' as const, email, editorId: editor.id };
  return null;
}

/** The signIn callback for this provider: true, or the refusal page after logging why. */
export function checkOidcSignIn(
  oidc: Oidc,
  claims: Claims | undefined,
  userEmail?: string | null,
): true | string {
  const refusal = refusalFor(claims ?? {}, oidc.issuer, userEmail);
  if (!refusal) return true;
  db().transaction((tx) =>
    recordAudit(tx, {
      actor: { id: null, label: refusal.email || 'onbekend' },
      action: 'editor.sign_in_refused',
      entityType: 'editor',
      entityId: 'editorId' in refusal ? refusal.editorId : null,
      summary: `Inloggen met ${oidc.name} geweigerd: ${reasons[refusal.reason]}`,
      // The reason only: never a token or the claims themselves.
      details: { method: 'oidc', reason: refusal.reason },
    }),
  );
  console.warn(`SSO-inlog geweigerd (${refusal.reason})`);
  return OIDC_REFUSED;
}

/** The generic OpenID Connect provider, found through the issuer's discovery document. */
export function oidcProvider(oidc: Oidc, publicUrl: string): OIDCConfig<Claims> {
  return {
    id: OIDC_PROVIDER_ID,
    name: oidc.name,
    type: 'oidc',
    issuer: oidc.issuer,
    clientId: oidc.clientId,
    clientSecret: oidc.clientSecret,
    authorization: { params: { scope: 'openid email profile' } },
    checks: ['pkce', 'state'],
    // The redirect URI is always PUBLIC_URL's, also when the callback request reaches Auth.js
    // under another name (see lib/auth/public-url.ts); it must match the one registered at the
    // provider. Auth.js calls this a redirect proxy; here it is simply this site itself.
    redirectProxyUrl: `${publicUrl}/api/auth`,
    // Auth.js links a provider account to an existing user only with this flag, because a
    // provider that does not verify addresses would let anyone take over an account by claiming
    // its address. Here it is safe: checkOidcSignIn runs first and refuses unless the address is
    // verified by the provider and belongs to an active editor an admin added; users are never
    // created by sign-in (createUser throws).
    allowDangerousEmailAccountLinking: true,
    // The address as Kopij stores it, so the lookup that links the account finds the editor.
    profile: (claims) => ({
      id: String(claims.sub),
      name: typeof claims.name === 'string' ? claims.name : null,
      email: typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null,
    }),
    // Kopij never calls the provider's APIs: keep no access, refresh or ID token in the database.
    account: () => undefined,
  };
}
