import 'server-only';
import { NextResponse } from 'next/server';
import { z } from '@/lib/validation';
import { getConfig } from '@/lib/config';
import { escapeHtml } from '@/lib/html';
import { clientKey } from '@/lib/http/client-address';
import { mailboxLimiter, rateLimiter } from '@/lib/rate-limit';
import { SubscriberError } from './errors';
import { seeOther } from '@/lib/http/responses';

// The public subscriber forms post plain HTML forms (they must work without JavaScript) to
// route handlers, so every refusal can carry a real 4xx status. A request that asks for JSON
// (the enhanced form) gets JSON; a browser without JavaScript gets a redirect or a short page.

const MAX_BODY = 32 * 1024;
const HOUR = 60 * 60 * 1000;

export type FormFields = Record<string, string | string[]>;

export async function readForm(request: Request): Promise<FormFields> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) {
    throw new SubscriberError(
      'Dit formulier verwacht formuliergegevens (application/x-www-form-urlencoded of multipart/form-data).',
      415,
    );
  }
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_BODY) throw new SubscriberError('Het formulier is te groot.', 413);
  let form: FormData;
  try {
    const body = await request.arrayBuffer();
    if (body.byteLength > MAX_BODY) throw new SubscriberError('Het formulier is te groot.', 413);
    form = await new Response(body, { headers: { 'content-type': type } }).formData();
  } catch (error) {
    if (error instanceof SubscriberError) throw error;
    throw new SubscriberError('Het formulier kon niet worden gelezen. Probeer het opnieuw.', 400);
  }
  const out: FormFields = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key).map((v) => (typeof v === 'string' ? v : ''));
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

/** Parses with zod; a refusal names each field in Dutch. */
export function parseForm<S extends z.ZodType>(schema: S, fields: FormFields): z.output<S> {
  const parsed = schema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues)
    fieldErrors[String(issue.path[0] ?? '_')] ??= issue.message;
  throw new SubscriberError('Controleer de gemarkeerde velden.', 422, fieldErrors);
}

// Per client (lib/http/client-address.ts) and action: SUBSCRIBE_CLIENT_LIMIT an hour. Per mailbox
// the same pair idea as sign-in: SUBSCRIBE_LIMIT an hour per (address, client), so a stranger who
// asks for someone's address uses up only their own pair, under a ceiling over all clients that
// keeps the mailbox from being flooded. Whoever meets the ceiling has those mails in the inbox,
// which is what the answer says.
const CEILING_FACTOR = 4;

const limits = (() => {
  let made:
    | { client: ReturnType<typeof rateLimiter>; mailbox: ReturnType<typeof mailboxLimiter> }
    | undefined;
  return () => {
    const { subscribeLimit, subscribeClientLimit } = getConfig();
    made ??= {
      client: rateLimiter({ limit: subscribeClientLimit, windowMs: HOUR }),
      mailbox: mailboxLimiter({
        pairLimit: subscribeLimit,
        ceiling: subscribeLimit * CEILING_FACTOR,
        windowMs: HOUR,
      }),
    };
    return made;
  };
})();

export function limitClient(request: Request, action: string) {
  if (!limits().client.take(`${action}\0${clientKey(request.headers)}`)) {
    throw new SubscriberError(
      'Er zijn vanaf uw netwerk te veel verzoeken gedaan. Probeer het over een uur opnieuw.',
      429,
    );
  }
}

/** Counts a mail to `email` asked for by this request's client; the ceiling only past the pair. */
export function limitAddress(request: Request, email: string, action: string) {
  if (!limits().mailbox.take(`${action}\0${email}`, clientKey(request.headers))) {
    throw new SubscriberError(
      'Voor dit adres is het afgelopen uur al vaak een mail gevraagd. Kijk in uw inbox (en uw map met ongewenste mail), of probeer het over een uur opnieuw.',
      429,
    );
  }
}

const wantsJson = (request: Request) =>
  (request.headers.get('accept') ?? '').includes('application/json');

export function done(request: Request, redirect: string): Response {
  if (wantsJson(request)) return NextResponse.json({ status: 'ok', redirect });
  return seeOther(redirect);
}

function refusal(request: Request, error: SubscriberError, back: string): Response {
  if (wantsJson(request))
    return NextResponse.json(
      { status: 'invalid', message: error.message, fieldErrors: error.fieldErrors ?? {} },
      { status: error.status },
    );
  const items = Object.values(error.fieldErrors ?? {})
    .map((m) => `<li>${escapeHtml(m)}</li>`)
    .join('');
  // Shown only to browsers without JavaScript: the enhanced form shows these messages inline.
  const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Dat lukte niet</title></head>
<body style="font-family:system-ui,Arial,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1.5rem;line-height:1.5;color:#1a1a1a">
<main><h1>Dat lukte niet</h1><p role="alert">${escapeHtml(error.message)}</p>${items ? `<ul>${items}</ul>` : ''}
<p><a href="${escapeHtml(back)}" style="color:#1d4f91">Terug naar het formulier</a></p></main></body></html>`;
  return new Response(html, {
    status: error.status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
}

/** Runs one public form post: every SubscriberError becomes its 4xx answer, anything else a 503. */
export async function handlePost(
  request: Request,
  back: string,
  run: () => Promise<Response>,
): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SubscriberError) return refusal(request, error, back);
    console.error('Abonneeformulier mislukte:', error);
    return refusal(
      request,
      new SubscriberError(
        'Er ging aan onze kant iets mis. Probeer het over een paar minuten opnieuw.',
        503,
      ),
      back,
    );
  }
}
