import { describe, expect, it } from 'vitest';
import {
  classifySmtpError,
  relayReason,
  type Blame,
  type Phase,
  type SmtpErrorShape,
  type Stage,
} from './classify';

// The shapes nodemailer's SMTPConnection gives its errors (code, command, response), as seen
// from the two places the lane calls it: setting up a session, and sending one message.
const cases: [string, SmtpErrorShape, Phase, Blame, Stage][] = [
  [
    'connection refused',
    { code: 'ESOCKET', command: 'CONN', message: 'connect ECONNREFUSED 127.0.0.1:2525' },
    'session',
    'relay',
    'connect',
  ],
  [
    'greeting timeout',
    { code: 'ETIMEDOUT', command: 'CONN', message: 'Greeting never received' },
    'session',
    'relay',
    'connect',
  ],
  [
    'greeting 554',
    {
      code: 'EPROTOCOL',
      command: 'CONN',
      responseCode: 554,
      response: '554 go away',
      message: 'x',
    },
    'session',
    'relay',
    'connect',
  ],
  [
    'TLS handshake',
    { code: 'ETLS', command: 'CONN', message: 'Error initiating TLS' },
    'session',
    'relay',
    'tls',
  ],
  [
    'AUTH 535',
    {
      code: 'EAUTH',
      command: 'AUTH PLAIN',
      responseCode: 535,
      response: '535 Invalid username or password',
      message: 'Invalid login: 535 Invalid username or password',
    },
    'session',
    'relay',
    'auth',
  ],
  [
    'RSET refused',
    { code: 'EPROTOCOL', command: 'RSET', responseCode: 500, response: '500 no', message: 'x' },
    'session',
    'relay',
    'connect',
  ],
  [
    'MAIL FROM 550',
    {
      code: 'EENVELOPE',
      command: 'MAIL FROM',
      responseCode: 550,
      response: '550 5.7.1 Sender not allowed',
      message: 'Mail command failed',
    },
    'message',
    'relay',
    'mail-from',
  ],
  [
    'MAIL FROM 451',
    { code: 'EENVELOPE', command: 'MAIL FROM', responseCode: 451, message: 'x' },
    'message',
    'relay',
    'mail-from',
  ],
  [
    'RCPT TO 550',
    {
      code: 'EENVELOPE',
      command: 'RCPT TO',
      responseCode: 550,
      response: '550 Mailbox unavailable',
      message: "Can't send mail - all recipients were rejected",
    },
    'message',
    'reader',
    'rcpt-to',
  ],
  [
    'RCPT TO 450 (greylisting)',
    { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 450, message: 'x' },
    'message',
    'retry',
    'rcpt-to',
  ],
  [
    'RCPT TO 530 (login required)',
    { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 530, message: 'x' },
    'message',
    'relay',
    'rcpt-to',
  ],
  [
    'RCPT TO 421 (closing)',
    { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 421, message: 'x' },
    'message',
    'relay',
    'rcpt-to',
  ],
  [
    'DATA command refused',
    { code: 'EENVELOPE', command: 'DATA', responseCode: 554, message: 'Data command failed' },
    'message',
    'relay',
    'data',
  ],
  [
    'message 554 after DATA',
    { code: 'EMESSAGE', command: 'DATA', responseCode: 554, message: 'Message failed' },
    'message',
    'reader',
    'message',
  ],
  [
    'message 451 after DATA',
    { code: 'EMESSAGE', command: 'DATA', responseCode: 451, message: 'Message failed' },
    'message',
    'retry',
    'message',
  ],
  [
    'connection dropped mid-message',
    { code: 'ECONNECTION', command: 'CONN', message: 'Connection closed unexpectedly' },
    'message',
    'retry',
    'message',
  ],
  [
    'socket error mid-message',
    { code: 'ESOCKET', command: 'CONN', message: 'read ECONNRESET' },
    'message',
    'retry',
    'message',
  ],
  [
    'RCPT TO 550 5.7.1 Relaying denied (Sendmail)',
    {
      code: 'EENVELOPE',
      command: 'RCPT TO',
      responseCode: 550,
      response: '550 5.7.1 <lezer@example.nl>... Relaying denied',
      message: "Can't send mail - all recipients were rejected",
    },
    'message',
    'relay',
    'rcpt-to',
  ],
  [
    'RCPT TO 554 Relay access denied (Postfix)',
    {
      code: 'EENVELOPE',
      command: 'RCPT TO',
      responseCode: 554,
      response: '554 5.7.1 <lezer@example.nl>: Relay access denied',
      message: "Can't send mail - all recipients were rejected",
    },
    'message',
    'relay',
    'rcpt-to',
  ],
  [
    'RCPT TO 550 5.7.54 Unable to relay (Exchange)',
    {
      code: 'EENVELOPE',
      command: 'RCPT TO',
      responseCode: 550,
      response: '550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain',
      message: 'x',
    },
    'message',
    'relay',
    'rcpt-to',
  ],
  [
    'RCPT TO 454 4.7.1 Relay access denied (temporary)',
    {
      code: 'EENVELOPE',
      command: 'RCPT TO',
      responseCode: 454,
      response: '454 4.7.1 <lezer@example.nl>: Relay access denied',
      message: 'x',
    },
    'message',
    'relay',
    'rcpt-to',
  ],
  [
    'message 550 relay not permitted after DATA',
    {
      code: 'EMESSAGE',
      command: 'DATA',
      responseCode: 550,
      response: '550 relay not permitted',
      message: 'x',
    },
    'message',
    'relay',
    'message',
  ],
  [
    'MAIL FROM 550 5.7.1 relaying denied',
    {
      code: 'EENVELOPE',
      command: 'MAIL FROM',
      responseCode: 550,
      response: '550 5.7.1 Relaying denied',
      message: 'Mail command failed',
    },
    'message',
    'relay',
    'mail-from',
  ],
  [
    "RCPT TO 550 5.7.1 about this mailbox's own policy",
    {
      code: 'EENVELOPE',
      command: 'RCPT TO',
      responseCode: 550,
      response: '550 5.7.1 <lezer@example.nl>: Recipient address rejected: Access denied',
      message: 'x',
    },
    'message',
    'reader',
    'rcpt-to',
  ],
  [
    'RCPT TO 550 for a reader whose address reads like a relay refusal',
    {
      code: 'EENVELOPE',
      command: 'RCPT TO',
      responseCode: 550,
      response: '550 5.1.1 <rcpthosts@example.nl>: Recipient address rejected: User unknown',
      message: 'x',
    },
    'message',
    'reader',
    'rcpt-to',
  ],
  [
    'address nodemailer will not send',
    { code: 'EENVELOPE', command: 'API', message: 'Invalid recipient "a b"' },
    'message',
    'reader',
    'message',
  ],
];

describe('classifySmtpError', () => {
  it.each(cases)('%s', (_name, error, phase, blame, stage) => {
    expect(classifySmtpError(error, phase)).toMatchObject({ blame, stage });
  });

  it("keeps the server's answer (one line, at most 300 characters) and its code", () => {
    const verdict = classifySmtpError(
      {
        code: 'EAUTH',
        command: 'AUTH PLAIN',
        responseCode: 535,
        response: '535 Nee\r\n',
        message: 'x',
      },
      'session',
    );
    expect(verdict).toMatchObject({ code: 535, message: '535 Nee' });
  });
});

describe('relayReason', () => {
  it('names the stage and the answer in Dutch', () => {
    expect(
      relayReason({ stage: 'auth', code: 535, message: '535 Invalid username or password' }),
    ).toBe(
      'De mailserver weigert de inlog (535): controleer gebruiker en wachtwoord in SMTP_URL. Antwoord van de server: 535 Invalid username or password',
    );
    expect(
      relayReason({
        stage: 'rcpt-to',
        code: 550,
        message: '550 5.7.1 <a@b.nl>... Relaying denied',
      }),
    ).toBe(
      'De mailserver weigert ontvangers (550): controleer de inlog in SMTP_URL en of de mailserver Kopij toestaat via haar te versturen (relay). Antwoord van de server: 550 5.7.1 <a@b.nl>... Relaying denied',
    );
    expect(relayReason({ stage: 'connect', message: 'connect ECONNREFUSED' })).toMatch(
      /^De mailserver is niet bereikbaar: /,
    );
  });
});
