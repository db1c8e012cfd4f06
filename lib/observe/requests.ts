// What the web server learns about each finished request, for metrics and the access log.

export type RequestObservation = {
  method: string;
  /** The path without query string, as the client sent it (may be malformed). */
  path: string;
  status: number;
  durationMs: number;
  requestId: string;
};

/** Called by scripts/serve.ts once per finished request. */
export function observeRequest(observation: RequestObservation): void {
  void observation;
}
