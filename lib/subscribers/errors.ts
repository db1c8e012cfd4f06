/** A refusal a subscriber can act on; `status` is the HTTP status the route answers with. */
export class SubscriberError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 503 = 422,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = 'SubscriberError';
  }
}
