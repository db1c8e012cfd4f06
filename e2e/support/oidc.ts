import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Account } from 'oidc-provider';

// A real OpenID Provider (oidc-provider, certified by the OpenID Foundation) on 127.0.0.1 for the
// SSO tests: discovery, authorization code flow with PKCE, signed ID tokens. Its development
// login form accepts any login name with any password; the login picks the account below, whose
// claims the test controls. No mock anywhere: the app talks to it as it would to Entra ID.

export type OidcAccountClaims = { email?: string; email_verified?: boolean; name?: string };

export type TestOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The authorization requests the app sent, to check that it asked with PKCE and state. */
  authorizations: URLSearchParams[];
  /**
   * Registers the app's callback (`<PUBLIC_URL>/api/auth/callback/oidc`): the app's address is
   * known only once it runs, and it needs the issuer to start. Until then every request gets 503.
   */
  register: (redirectUri: string) => void;
  stop: () => Promise<void>;
};

/** Starts listening on 127.0.0.1; `accounts` maps a login name to its ID token's claims. */
export async function startOidcProvider(
  accounts: Record<string, OidcAccountClaims>,
): Promise<TestOidcProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'kopij-e2e';
  const clientSecret = crypto.randomBytes(24).toString('base64url');
  let handle: ReturnType<Provider['callback']> | undefined;
  const authorizations: URLSearchParams[] = [];
  server.on('request', (request, response) => {
    const url = new URL(request.url ?? '/', issuer);
    if (url.pathname === '/auth' && url.searchParams.has('client_id'))
      authorizations.push(url.searchParams);
    if (handle) return handle(request, response);
    response.writeHead(503).end();
  });

  return {
    issuer,
    clientId,
    clientSecret,
    authorizations,
    register(redirectUri) {
      handle = configure({ issuer, clientId, clientSecret, redirectUri, accounts }).callback();
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function configure({
  issuer,
  clientId,
  clientSecret,
  redirectUri,
  accounts,
}: {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  accounts: Record<string, OidcAccountClaims>;
}): Provider {
  const signingKey = crypto
    .generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ format: 'jwk' });
  return new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    async findAccount(_ctx: unknown, id: string): Promise<Account | undefined> {
      const claims = accounts[id];
      if (!claims) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
    },
    claims: {
      acr: null,
      auth_time: null,
      iss: null,
      sid: null,
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    // The requested claims go into the ID token itself, as Entra ID puts its optional claims
    // there; the app reads the ID token, not the userinfo endpoint.
    conformIdTokenClaims: false,
    // Refuse any authorization request without PKCE: the app must send it.
    pkce: { required: () => true },
    jwks: { keys: [{ ...signingKey, kid: 'e2e', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [crypto.randomBytes(32).toString('hex')] },
    features: { devInteractions: { enabled: true } },
    // Lifetimes of its own, in seconds (the defaults come with a notice on every use).
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
  });
}
