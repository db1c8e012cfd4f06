import fs from 'node:fs';
import path from 'node:path';

/** The bounce, complaint and reply shapes in lib/bounces/fixtures (templates, see fill). */
export const bounceFixtureNames = [
  'postfix-hard',
  'exchange-hard',
  'gmail-hard',
  'soft-mailbox-full',
  'postfix-delayed',
  'arf-complaint',
  'out-of-office',
  'mailto-unsubscribe',
] as const;
export type BounceFixtureName = (typeof bounceFixtureNames)[number];

export type FixtureValues = {
  /** The copy's VERP envelope sender (verpAddress()). */
  verp?: string;
  /** The reader's address. */
  email?: string;
  /** The copy's Message-ID, with angle brackets. */
  messageId?: string;
  /** Where the report or mail is addressed (default: the VERP address). */
  to?: string;
  /** The subject of a mailed unsubscribe. */
  subject?: string;
};

const dir = path.resolve(import.meta.dirname, '../bounces/fixtures');
const templates = new Map<string, string>();

/**
 * A fixture with its placeholders filled in and CRLF line ends, as it arrives over SMTP. The
 * fixtures are templates because a VERP address carries a MAC under the test's secret.
 */
export function bounceFixture(name: BounceFixtureName, values: FixtureValues = {}): Buffer {
  let template = templates.get(name);
  if (template === undefined) {
    template = fs.readFileSync(path.join(dir, `${name}.eml`), 'utf8');
    templates.set(name, template);
  }
  const email = values.email ?? 'jan.jansen@gemeente-voorbeeld.nl';
  const verp = values.verp ?? 'bounces+1-0000000000000000@bounces.vsg.example.nl';
  const filled: Record<string, string> = {
    VERP: verp,
    EMAIL: email,
    EMAIL_LOCAL: email.slice(0, email.indexOf('@')),
    MESSAGE_ID: values.messageId ?? '<kopij.1.abc.1@vsg.example.nl>',
    TO: values.to ?? verp,
    SUBJECT: values.subject ?? 'afmelden',
  };
  const text = template.replace(/\{\{([A-Z_]+)\}\}/g, (_, key: string) => filled[key] ?? '');
  return Buffer.from(text.replace(/\r?\n/g, '\r\n'));
}
