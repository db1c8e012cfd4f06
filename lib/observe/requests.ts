// What the web server learns about each finished request, for metrics and the access log.
import path from 'node:path';
import { log } from './log';
import { metrics } from './metrics';
import { readRoutes, routeLabel } from './routes';

export type RequestObservation = {
  method: string;
  /** The path without query string, as the client sent it (may be malformed). */
  path: string;
  status: number;
  durationMs: number;
  requestId: string;
};

const methods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

let routes: ReturnType<typeof readRoutes> | undefined;

/** Reads the build's route patterns (scripts/serve.ts, once the app is prepared). */
export function loadRoutes(distDir = path.resolve(process.env.NEXT_DIST_DIR ?? '.next')) {
  routes = readRoutes(distDir);
}

/** Called by scripts/serve.ts once per finished request. */
export function observeRequest(observation: RequestObservation): void {
  routes ??= readRoutes(path.resolve(process.env.NEXT_DIST_DIR ?? '.next'));
  const method = methods.has(observation.method) ? observation.method : 'OTHER';
  const route = routeLabel(routes, observation.path);
  const status = String(observation.status);
  const m = metrics();
  m.httpRequests.inc({ method, route, status });
  m.httpDuration.observe({ method, route, status }, observation.durationMs / 1000);
  log.info('request', {
    requestId: observation.requestId,
    method,
    route,
    status: observation.status,
    ms: Math.round(observation.durationMs * 10) / 10,
  });
}
