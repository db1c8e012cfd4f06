/**
 * Whose problem an SMTP failure is. A relay that refuses our login, our sender address or the
 * connection says nothing about the reader: such a failure must never bounce a reader or fail a
 * copy for good (one wrong password once marked a whole list bounced). Only an answer about one
 * recipient (RCPT TO, or the end of DATA with a single recipient) is the reader's.
 *
 * - 'relay':  the session failed before any recipient was named (connect, greeting, TLS, AUTH,
 *             RSET, MAIL FROM, the DATA command itself) or the server closes the session (421),
 *             asks for a login (530) or refuses to relay ("550 5.7.1 Relaying denied" at RCPT TO or
 *             after the message: it would say so for every reader). The copy goes back untouched; the send pauses
 *             itself after SEND_RELAY_FAILURE_LIMIT of these in a row.
 * - 'reader': a 5xx about this recipient. Failed, and a hard bounce for the reader.
 * - 'retry':  a 4xx about this recipient, or a connection lost while the message was on its way
 *             (it may have arrived, so this counts as an attempt, as before).
 */
export type Blame = 'relay' | 'reader' | 'retry';
export type Stage = 'connect' | 'tls' | 'auth' | 'mail-from' | 'rcpt-to' | 'data' | 'message';

/** What nodemailer's SMTPConnection puts on its errors (see _formatError there). */
export type SmtpErrorShape = {
  code?: string;
  command?: string;
  responseCode?: number;
  response?: string;
  message: string;
};

export type Verdict = { blame: Blame; stage: Stage; code?: number; message: string };

/** Where the lane was: setting up the session (connect, login, reset) or sending one message. */
export type Phase = 'session' | 'message';

function stageOf(error: SmtpErrorShape, phase: Phase): Stage {
  const command = (error.command ?? '').toUpperCase();
  if (error.code === 'EAUTH' || command.startsWith('AUTH')) return 'auth';
  if (error.code === 'ETLS' || command === 'STARTTLS') return 'tls';
  if (command === 'MAIL FROM') return 'mail-from';
  if (command === 'RCPT TO') return 'rcpt-to';
  if (command === 'DATA') return error.code === 'EMESSAGE' ? 'message' : 'data';
  return phase === 'session' ? 'connect' : 'message';
}

/**
 * A relay that will not pass our mail on ("Relaying denied", "Relay access denied", "Unable to
 * relay", Exchange's 5.7.54, qmail's rcpthosts). Addresses are left out before matching, so a
 * reader called relay@... refused for their own reasons stays the reader's.
 */
const relayRefusal =
  /\b5\.7\.54\b|\brelay(ing)? (access )?(denied|refused|prohibited|not (permitted|allowed))\b|\b(unable|not (permitted|allowed)|refused|denied) to relay\b|\b(do|does)(n't| not) relay\b|\brcpthosts\b/i;

export function refusesToRelay(response: string): boolean {
  return relayRefusal.test(response.replace(/<[^>]*>/g, ''));
}

function blameOf(
  stage: Stage,
  code: number | undefined,
  phase: Phase,
  apiError: boolean,
  response: string,
): Blame {
  // 421: the server is closing the session; 530: it wants a login. Neither is about a reader.
  if (code === 421 || code === 530) return 'relay';
  if ((stage === 'rcpt-to' || stage === 'message') && refusesToRelay(response)) return 'relay';
  if (phase === 'session') return 'relay';
  switch (stage) {
    case 'rcpt-to':
    case 'message':
      if (code && code >= 500) return 'reader';
      // Our own refusal before anything was sent (an address nodemailer will not put in RCPT TO).
      return apiError ? 'reader' : 'retry';
    default:
      return 'relay';
  }
}

export function classifySmtpError(error: SmtpErrorShape, phase: Phase): Verdict {
  const code = error.responseCode || undefined;
  const stage = stageOf(error, phase);
  const apiError = error.command === 'API' && error.code === 'EENVELOPE';
  const message = (error.response ?? error.message).replace(/\s+/g, ' ').trim().slice(0, 300);
  return { blame: blameOf(stage, code, phase, apiError, message), stage, code, message };
}

const stageWords: Record<Stage, string> = {
  connect: 'De mailserver is niet bereikbaar',
  tls: 'De beveiligde verbinding (TLS) met de mailserver mislukt',
  auth: 'De mailserver weigert de inlog',
  'mail-from': 'De mailserver weigert het afzenderadres bij MAIL FROM',
  'rcpt-to': 'De mailserver weigert ontvangers',
  data: 'De mailserver weigert berichten bij DATA',
  message: 'De mailserver weigert berichten',
};

const stageHints: Partial<Record<Stage, string>> = {
  connect: 'controleer SMTP_URL en of de mailserver draait',
  tls: 'controleer SMTP_URL (smtp:// of smtps://) en het certificaat',
  auth: 'controleer gebruiker en wachtwoord in SMTP_URL',
  'mail-from': 'controleer het afzenderadres van de nieuwsbrief en wat de mailserver toestaat',
  // At RCPT TO only a login request or a refusal to relay is the relay's (see blameOf).
  'rcpt-to':
    'controleer de inlog in SMTP_URL en of de mailserver Kopij toestaat via haar te versturen (relay)',
};

/**
 * The Dutch reason a send paused itself: the stage and the server's own answer. The answer is
 * the server's text, never our command line, so no password can end up in it.
 */
export function relayReason(verdict: Pick<Verdict, 'stage' | 'code' | 'message'>): string {
  const head = verdict.code
    ? `${stageWords[verdict.stage]} (${verdict.code})`
    : stageWords[verdict.stage];
  const hint = stageHints[verdict.stage] ?? 'controleer de mailserver en SMTP_URL';
  // Without a reply code the server never answered: the message is our side's (a refused socket).
  const answer = verdict.code ? 'Antwoord van de server' : 'Melding';
  return `${head}: ${hint}. ${answer}: ${verdict.message}`;
}
