import { escapeHtml } from '@/lib/html';

// The sign-up form an organisation pastes into its own website. Plain HTML that posts to Kopij
// (app/(publiek)/aanmelden/[slug]/formulier/route.ts): no script, no styles, no third-party
// anything, so it works without JavaScript and takes the host site's own look. Class names all
// start with `kopij-` so they cannot collide with the host's.

export type EmbedNewsletter = { slug: string; name: string; privacyUrl: string | null };

export type EmbedInput = {
  newsletter: EmbedNewsletter;
  themes: { id: number; name: string }[];
  audienceOptions: { value: string; label: string }[];
  consent: string;
  /** PUBLIC_URL: where the form posts. */
  publicUrl: string;
};

export function embedAction(publicUrl: string, slug: string): string {
  // PUBLIC_URL is kept without a trailing slash (lib/config.ts), as the personal links use it.
  return `${publicUrl.replace(/\/$/, '')}/aanmelden/${encodeURIComponent(slug)}/formulier`;
}

/** The snippet itself; every text from the database is escaped. */
export function embedSnippet({
  newsletter,
  themes,
  audienceOptions,
  consent,
  publicUrl,
}: EmbedInput): string {
  const e = escapeHtml;
  // Ids are per newsletter, so two snippets on one page do not share labels.
  const id = (field: string) => `kopij-${e(newsletter.slug)}-${field}`;
  const options = audienceOptions
    .map((o) => `      <option value="${e(o.value)}">${e(o.label)}</option>`)
    .join('\n');
  const checkboxes = themes
    .map(
      (t) =>
        `    <label class="kopij-thema"><input type="checkbox" name="themas" value="${t.id}" checked> ${e(t.name)}</label>`,
    )
    .join('\n');
  const privacy = newsletter.privacyUrl
    ? ` <a href="${e(newsletter.privacyUrl)}">Lees de privacyverklaring</a>`
    : '';
  return `<form class="kopij-aanmelden" method="post" action="${e(embedAction(publicUrl, newsletter.slug))}" accept-charset="utf-8">
  <p class="kopij-titel">Aanmelden voor ${e(newsletter.name)}</p>
  <p class="kopij-veld">
    <label for="${id('email')}">E-mailadres</label>
    <input id="${id('email')}" type="email" name="email" autocomplete="email" required maxlength="254">
  </p>
  <p class="kopij-veld">
    <label for="${id('naam')}">Naam (niet verplicht)</label>
    <input id="${id('naam')}" type="text" name="naam" autocomplete="name" maxlength="100">
  </p>
  <p class="kopij-veld">
    <label for="${id('functie')}">Functie</label>
    <select id="${id('functie')}" name="functie" required>
${options}
    </select>
  </p>
  <fieldset class="kopij-themas">
    <legend>Thema’s die u wilt ontvangen</legend>
${checkboxes}
  </fieldset>
  <p class="kopij-toestemming">${e(consent)}${privacy}</p>
  <p class="kopij-verstuur"><button type="submit">Aanmelden</button></p>
</form>
`;
}
