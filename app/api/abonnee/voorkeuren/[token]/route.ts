import { db } from '@/db';
import { sendMail } from '@/lib/mail';
import { updatePreferences } from '@/lib/subscribers/flows-preferences';
import { preferencesForm } from '@/lib/subscribers/forms';
import { done, handlePost, limitAddress, parseForm, readForm } from '@/lib/subscribers/http';
import { personalLink } from '@/lib/subscribers/links';
import { emailChangeMail } from '@/lib/subscribers/mails';
import { newsletterIdentity } from '@/lib/newsletters/identity';
import { preferencesOf } from '@/lib/subscribers/public-queries';
import { requireLink } from '@/lib/subscribers/verify';

// POST /voorkeuren/[token]
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const page = `/voorkeuren/${token}`;
  return handlePost(request, page, async () => {
    const fields = await readForm(request);
    const claims = requireLink('preferences', token);
    const input = parseForm(preferencesForm, fields);
    // Counted before anything changes, so a refusal leaves the preferences as they were.
    if (input.email !== preferencesOf(claims)?.email) limitAddress(request, input.email, 'adres');
    const result = db().transaction((tx) =>
      updatePreferences(tx, claims, {
        email: input.email,
        name: input.naam,
        audience: input.functie,
        themeIds: input.themas,
        pauseDays: input.pauze,
        issueId: input.nummer,
      }),
    );
    if (result.emailChange) {
      const newsletter = newsletterIdentity(db(), claims.newsletterId)!;
      await sendMail({
        to: result.emailChange,
        ...(await emailChangeMail(
          newsletter,
          personalLink('email', claims, { bindEmail: result.emailChange }),
        )),
      });
      return done(request, `${page}?adres=1`);
    }
    return done(request, `${page}?opgeslagen=1`);
  });
}
