// Headers that only our own server (scripts/serve.ts) sets: it drops whatever a client sent under
// these names before it adds them, so code behind it may believe them.

/** The address of the TCP peer that sent the request (the client, or the nearest proxy). */
export const PEER_HEADER = 'x-kopij-peer';

/** One id per request, for the log lines it causes; also returned to the client. */
export const REQUEST_ID_HEADER = 'x-request-id';
