import client from 'prom-client';

// The process's Prometheus registry. scripts/serve.ts (loaded by tsx) counts requests and the
// /api/metrics route (bundled by Next) reads them out: two copies of this module in one process,
// so the registry and its metrics are made once and kept on globalThis. prom-client is also in
// next.config.ts's serverExternalPackages, so both load the same package.

export type Metrics = ReturnType<typeof createMetrics>;

const KEY = Symbol.for('kopij.observe.metrics');

const seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'kopij_' });
  const registers = [registry];
  return {
    registry,
    httpRequests: new client.Counter({
      name: 'kopij_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers,
    }),
    httpDuration: new client.Histogram({
      name: 'kopij_http_request_duration_seconds',
      help: 'Time from request to finished response, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: seconds,
      registers,
    }),
    // Read from the database at scrape time (database.ts): the sender may be another process.
    messagesSent: new client.Counter({
      name: 'kopij_messages_sent_total',
      help: 'Newsletter copies the mail server accepted (rate() gives the send rate)',
      registers,
    }),
    queueDepth: new client.Gauge({
      name: 'kopij_send_queue_depth',
      help: 'Copies of running sends not sent yet, by state (queued, retry, sending)',
      labelNames: ['state'] as const,
      registers,
    }),
    sendsRunning: new client.Gauge({
      name: 'kopij_sends_running',
      help: 'Issues being sent, by whether they are paused',
      labelNames: ['paused'] as const,
      registers,
    }),
    failures: new client.Counter({
      name: 'kopij_delivery_failures_total',
      help: 'Copies given up on, by class: reader (the server refused this reader, 5xx), retry (temporary failures until SEND_MAX_ATTEMPTS)',
      labelNames: ['class'] as const,
      registers,
    }),
    relayPauses: new client.Counter({
      name: 'kopij_send_relay_pauses_total',
      help: 'Sends the sender paused itself because the mail server failed (SEND_RELAY_FAILURE_LIMIT in a row)',
      registers,
    }),
    bounces: new client.Counter({
      name: 'kopij_bounces_total',
      help: 'Bounce reports, complaints and mailed unsubscribes received, by kind',
      labelNames: ['kind'] as const,
      registers,
    }),
    signups: new client.Counter({
      name: 'kopij_signups_total',
      help: 'Sign-ups through the public form, by stage (requested, confirmed)',
      labelNames: ['stage'] as const,
      registers,
    }),
    databaseUp: new client.Gauge({
      name: 'kopij_metrics_database_up',
      help: 'Whether this scrape could read the counts from the database (1) or not (0: they are from the last good scrape)',
      registers,
    }),
    backupAge: new client.Gauge({
      name: 'kopij_backup_age_seconds',
      help: 'Age of the newest backup in BACKUP_DIR (+Inf when there is none)',
      registers,
    }),
  };
}

/** The one registry of this process, whichever copy of this module asks first. */
export function metrics(): Metrics {
  const global = globalThis as unknown as Record<symbol, Metrics | undefined>;
  global[KEY] ??= createMetrics();
  return global[KEY];
}

/** Sets a counter whose total lives elsewhere (the database) to that total. */
export function setCounter<T extends string>(
  counter: client.Counter<T>,
  value: number,
  labels?: Partial<Record<T, string>>,
) {
  if (labels) counter.remove(labels);
  else counter.reset();
  if (labels) counter.inc(labels, value);
  else counter.inc(value);
}
