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
    expect(relayReason({ stage: 'connect', message: 'connect ECONNREFUSED' })).toMatch(
      /^De mailserver is niet bereikbaar: /,
    );
  });
});
