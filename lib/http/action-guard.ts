import { argumentsProblem, boundActionProblem, type PartLookup } from './action-reply';
import { plainText } from './responses';

/**
 * Server action requests that Next would answer with a 500, refused by the proxy (proxy.ts)
 * with a Dutch 4xx before Next reads them. Next takes a POST for a possible server action when
 * it carries a `Next-Action` header (a call from our client code) or a multipart body (a form
 * posted without JavaScript); for those it checks the Origin against the host and decodes the
 * body with React, and every failure there (a foreign or malformed Origin, a body over its 1 MB
 * limit, a broken multipart body, arguments React cannot decode) ends as a 500. An unknown but
 * well-formed action id is left to Next: its 409 tells our client code to reload the page.
 */

/**
 * Route handlers outside /api that take a POST: no server actions run there, and a multipart
 * body is theirs to read (a CSV import may be 10 MB), posted from wherever the route allows (the
 * embeddable sign-up form comes from the organisation's website). Written as their folders under
 * app/ (a `[segment]` stands for one path segment); action-guard.test.ts checks this list
 * against the route handlers in app/.
 */
export const POSTED_ROUTE_HANDLERS = new Set([
  '/redactie/abonnees/importeren/uploaden',
  '/redactie/media/uploaden',
  '/aanmelden/[slug]/formulier',
]);

const postedRoutes = [...POSTED_ROUTE_HANDLERS].map(
  (route) => new RegExp(`^${route.replace(/\[[^\]/]+\]/g, '[^/]+')}$`),
);

export const isPostedRouteHandler = (pathname: string) =>
  postedRoutes.some((route) => route.test(pathname));

/** Next's default `serverActions.bodySizeLimit`; past it Next throws a 413 that becomes a 500. */
export const ACTION_BODY_LIMIT = 1024 * 1024;
const ACTION_ID = /^[0-9a-f]{42}$/;

const refuse = (status: number, message: string) =>
  plainText(message, status, { 'Cache-Control': 'no-store' });

const malformed = () =>
  refuse(400, 'Dit verzoek is ongeldig en kan niet worden verwerkt. Laad de pagina opnieuw.');

/** The host Next compares the Origin with: the first X-Forwarded-Host, else Host. */
function expectedHost(headers: Headers): string | null {
  return headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
}

function sameOrigin(origin: string, headers: Headers): boolean {
  try {
    return origin !== 'null' && new URL(origin).host === expectedHost(headers);
  } catch {
    return false;
  }
}

async function readLimited(request: Request): Promise<ArrayBuffer | null> {
  if (Number(request.headers.get('content-length') ?? 0) > ACTION_BODY_LIMIT) return null;
  const body = await request.clone().arrayBuffer();
  return body.byteLength > ACTION_BODY_LIMIT ? null : body;
}

async function formDataOf(body: ArrayBuffer, type: string): Promise<FormData | null> {
  try {
    return await new Response(body, { headers: { 'content-type': type } }).formData();
  } catch {
    return null;
  }
}

const lookup =
  (form: FormData): PartLookup =>
  (name) => {
    const value = form.get(name);
    return value === null ? undefined : typeof value === 'string' ? value : 'file';
  };

/** A form posted without JavaScript: the `$ACTION_` fields React reads, if any. */
function formActionProblem(form: FormData): string | null {
  for (const key of form.keys()) {
    if (key.startsWith('$ACTION_ID_') && !ACTION_ID.test(key.slice('$ACTION_ID_'.length)))
      return 'onbekende actie';
    const ref = /^\$ACTION_REF_(.*)$/.exec(key);
    if (ref) {
      const problem = boundActionProblem(`$ACTION_${ref[1]}:`, lookup(form));
      if (problem) return problem;
    }
  }
  return null;
}

/** The refusal for a malformed server action request, or null to let Next handle it. */
export async function refuseMalformedAction(request: Request): Promise<Response | null> {
  if (request.method !== 'POST') return null;
  const { pathname } = new URL(request.url);
  if (pathname.startsWith('/api/') || isPostedRouteHandler(pathname)) return null;
  const actionId = request.headers.get('next-action');
  const type = request.headers.get('content-type') ?? '';
  // Next's own tests, byte for byte: anything else is no server action to it.
  const multipart = type.startsWith('multipart/form-data');
  if (actionId === null && !multipart) return null;
  if (type === 'application/x-www-form-urlencoded') return null;

  const origin = request.headers.get('origin');
  if (origin !== null && !sameOrigin(origin, request.headers))
    return refuse(403, 'Dit formulier is niet via deze website verstuurd.');
  if (actionId !== null && !ACTION_ID.test(actionId)) return malformed();

  const body = await readLimited(request);
  if (!body) return refuse(413, 'Het verzoek is te groot.');
  if (!multipart) {
    if (actionId === null) return null;
    return argumentsProblem(new TextDecoder().decode(body)) ? malformed() : null;
  }
  const form = await formDataOf(body, type);
  if (!form) return malformed();
  if (actionId === null) return formActionProblem(form) ? malformed() : null;
  const root = form.get('0');
  if (typeof root !== 'string') return malformed();
  return argumentsProblem(root, lookup(form)) ? malformed() : null;
}
