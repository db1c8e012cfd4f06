import { DrizzleAdapter } from '@auth/drizzle-adapter';
import { eq } from 'drizzle-orm';
import NextAuth, { type DefaultSession, type NextAuthConfig } from 'next-auth';
import Nodemailer from 'next-auth/providers/nodemailer';
import { db } from '@/db';
import { accounts, sessions, users, verificationTokens, type EditorRole } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { SIGN_IN_LINK_MAX_AGE_S, signInConfirmUrl } from '@/lib/auth/magic-link';
import { OIDC_PROVIDER_ID, checkOidcSignIn, oidcProvider } from '@/lib/auth/oidc';
import { publicRedirect } from '@/lib/auth/public-url';
import { signInMail } from '@/lib/auth/sign-in-mail';
import { getConfig, type Config } from '@/lib/config';
import { findActiveEditor } from '@/lib/editors/queries';
import { sendMail } from '@/lib/mail';

declare module 'next-auth' {
  interface Session {
    user: { id: string; role: EditorRole } & DefaultSession['user'];
  }
  interface User {
    role?: EditorRole;
    active?: boolean;
  }
}

// Configured lazily (per request) so that `next build` never opens the database or reads secrets.
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const config = getConfig();
  // Auth.js builds its redirects from this; without it, `next start` reports its own host
  // (localhost) and the session cookie set for the public address would be lost on the way.
  // Next still reports a loopback PUBLIC_URL as localhost: lib/auth/public-url.ts covers that.
  process.env.AUTH_URL ??= `${config.publicUrl}/api/auth`;
  const adapter = DrizzleAdapter(db(), {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  return {
    secret: config.authSecret,
    trustHost: true,
    adapter: {
      ...adapter,
      // No open sign-up: editors exist only because an admin added them.
      createUser: () => {
        throw new Error('Redacteuren worden alleen door een beheerder toegevoegd.');
      },
    },
    logger: {
      // A used or expired link is the visitor's mistake, answered on /inloggen: no stack trace in the log.
      error(error) {
        // `type`, not `name`: class names do not survive minification.
        if ((error as { type?: string }).type === 'Verification')
          console.warn('Inloglink geweigerd: verlopen of al gebruikt');
        else console.error(error);
      },
    },
    session: { strategy: 'database', maxAge: 7 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    pages: { signIn: '/inloggen', verifyRequest: '/inloggen/controleer', error: '/inloggen' },
    providers: [
      Nodemailer({
        server: config.smtpUrl ?? 'smtp://127.0.0.1:25',
        from: config.mailFrom,
        maxAge: SIGN_IN_LINK_MAX_AGE_S,
        async sendVerificationRequest({ identifier, token, url }) {
          const callbackUrl = new URL(url).searchParams.get('callbackUrl') ?? undefined;
          // Built from PUBLIC_URL, never from the request's Host header.
          const link = signInConfirmUrl(config.publicUrl, {
            token,
            email: identifier,
            callbackUrl,
          });
          await sendMail(await signInMail(identifier, link, SIGN_IN_LINK_MAX_AGE_S / 60));
          if (!config.smtpUrl) console.log(`Inloglink voor ${identifier}: ${link}`);
        },
      }),
      ...(config.oidc ? [oidcProvider(config.oidc, config.publicUrl)] : []),
    ],
    callbacks: callbacks(config),
    events: { signIn: recordSignIn },
  };
});

function callbacks(config: Config): NextAuthConfig['callbacks'] {
  return {
    signIn({ user, account, profile, email }) {
      if (account?.provider === OIDC_PROVIDER_ID && config.oidc)
        return checkOidcSignIn(config.oidc, profile, user.email);
      if (user.email && findActiveEditor(user.email)) return true;
      // Unknown or deactivated: when asking for a link, the same answer as for a known address.
      return email?.verificationRequest ? '/inloggen/controleer' : false;
    },
    // Every address a browser is sent to after sign-in is on PUBLIC_URL (lib/auth/public-url.ts).
    redirect({ url }) {
      return publicRedirect(url, config.publicUrl);
    },
    session({ session, user }) {
      session.user.id = user.id;
      session.user.role = user.role ?? 'redacteur';
      return session;
    },
  };
}

const recordSignIn: NonNullable<NextAuthConfig['events']>['signIn'] = ({ user, account }) => {
  if (!user.id) return;
  const method = account?.provider === OIDC_PROVIDER_ID ? 'oidc' : 'link';
  db().transaction((tx) => {
    tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id!)).run();
    recordAudit(tx, {
      actor: { id: user.id!, label: user.email ?? user.id! },
      action: 'editor.sign_in',
      entityType: 'editor',
      entityId: user.id!,
      summary: method === 'oidc' ? `Ingelogd met ${getConfig().oidc?.name}` : 'Ingelogd',
      details: { method },
    });
  });
};
