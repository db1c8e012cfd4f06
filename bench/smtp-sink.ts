// A loopback SMTP server for the send-smtp bench, in its own process so it gets its own core:
// counts what it accepts and keeps nothing. Prints its port; answers "count" on stdin.
import readline from 'node:readline';
import { SMTPServer } from 'smtp-server';

let accepted = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  maxClients: 1000,
  onData(stream, _session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => {
      accepted += 1;
      callback();
    });
  },
});
server.listen(0, '127.0.0.1', () => {
  const address = server.server.address();
  console.log(typeof address === 'object' && address ? address.port : 0);
});
readline
  .createInterface({ input: process.stdin })
  .on('line', (line) => {
    if (line === 'count') console.log(accepted);
  })
  .on('close', () => server.close(() => process.exit(0)));
