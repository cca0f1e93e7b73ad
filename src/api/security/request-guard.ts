import type { FastifyInstance, FastifyRequest } from 'fastify';
import { allowedHostNames, hostNameOf } from './hosts.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route takes a multipart/form-data body (uploads). A cross-site HTML form can send one
     * without a preflight, so such a route relies on the Origin and Sec-Fetch-Site checks here
     * (and the session's CSRF token) alone.
     */
    acceptsFormUpload?: boolean;
  }
}

/** The request named a host this server does not answer to (DNS rebinding, a stray proxy). */
export class HostNotAllowed extends Error {}

/** A state-changing request sent by a page of another site (Origin or Sec-Fetch-Site). */
export class CrossSiteWriteRefused extends Error {}

/** A body type an HTML form on another site can send without the browser asking first. */
export class FormBodyRefused extends Error {}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Body types a cross-site `<form>` or a no-cors fetch can send without a CORS preflight. */
const FORM_BODY_TYPES = new Set(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);

/**
 * One check before anything else runs, for every request (API and desk): the Host must be one
 * this server answers to, which defeats DNS rebinding (a foreign page whose name now points at
 * 127.0.0.1). State-changing requests must also come from the desk's own origin, not from a page
 * of another site, and with a body type a cross-site form cannot send. The server sends no CORS
 * headers at all, so other origins can neither read answers nor pass a preflight.
 */
export function installRequestGuard(
  app: FastifyInstance,
  config: { host: string; allowedHosts: readonly string[] },
): void {
  const allowed = allowedHostNames(config);
  app.addHook('onRequest', (request, _reply, done) => {
    try {
      checkHost(request, allowed);
      if (STATE_CHANGING.has(request.method)) {
        checkSameOrigin(request);
        checkBodyType(request);
      }
      done();
    } catch (error) {
      done(error as Error);
    }
  });
}

function checkHost(request: FastifyRequest, allowed: ReadonlySet<string>): void {
  // request.host is the X-Forwarded-Host only when the proxy is trusted (EARSHOT_TRUST_PROXY).
  const name = hostNameOf(request.host);
  if (name !== undefined && allowed.has(name)) return;
  const shown = name === undefined ? 'a missing or malformed Host header' : `the host name "${name}"`;
  throw new HostNotAllowed(
    `This server does not answer to ${shown}: it serves only loopback names (127.0.0.1, localhost, ` +
      '[::1]) and those listed in EARSHOT_ALLOWED_HOSTS, so that a web page of another site cannot ' +
      'reach it through its own name (DNS rebinding). To use this name, add it to EARSHOT_ALLOWED_HOSTS.',
  );
}

function checkSameOrigin(request: FastifyRequest): void {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') {
    throw new CrossSiteWriteRefused(
      `A ${request.method} sent by a page of another site (Sec-Fetch-Site: ${site}) is refused: ` +
        'changes are made from the desk itself.',
    );
  }
  const origin = request.headers.origin;
  if (origin === undefined || isSameOrigin(origin, request.host)) return;
  throw new CrossSiteWriteRefused(
    `A ${request.method} from the origin ${JSON.stringify(origin.slice(0, 200))} is refused: ` +
      "changes are accepted only from the desk's own origin.",
  );
}

/** Whether an Origin header names the host the request was sent to, over http or https. */
function isSameOrigin(origin: string, requestHost: string): boolean {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    // Parsed the same way, so that a default port written out (":80") compares equal to none.
    return url.host === new URL(`${url.protocol}//${requestHost}`).host;
  } catch {
    // "null" (sandboxed frames, file: pages) and anything unparsable.
    return false;
  }
}

function checkBodyType(request: FastifyRequest): void {
  const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type === undefined || !FORM_BODY_TYPES.has(type)) return;
  if (type === 'multipart/form-data' && request.routeOptions.config.acceptsFormUpload === true) return;
  throw new FormBodyRefused(
    `A ${request.method} with a ${type} body is refused: this route takes JSON ` +
      '(Content-Type: application/json), a type that a form on another site cannot send.',
  );
}
