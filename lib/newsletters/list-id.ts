// The List-Id (RFC 2919) groups a newsletter's mail for filters and feedback loops. It works
// best under the sender's own domain, which the host of PUBLIC_URL need not be: a newsletter
// may name a domain of its own.

export type ListIdSource = { slug: string; listIdDomain?: string | null };

/** The domain part: the newsletter's own List-Id domain, or else the host of PUBLIC_URL. */
export function listIdDomainOf(newsletter: ListIdSource, publicUrl: string): string {
  return newsletter.listIdDomain || new URL(publicUrl).hostname;
}

/** `<slug>.<domain>`, the id between the angle brackets of the List-Id header. */
export function listIdOf(newsletter: ListIdSource, publicUrl: string): string {
  return `${newsletter.slug}.${listIdDomainOf(newsletter, publicUrl)}`;
}
