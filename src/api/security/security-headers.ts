import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The desk's Content-Security-Policy: its own scripts, styles, fonts and API only; no inline
 * script, no plugins, no <base> tricks, never framed, forms posted nowhere else. Images may be
 * data: URLs (the empty favicon in index.html). The desk's build has no inline script or style
 * (checked in a browser by test/e2e/desk/web-hardening.test.ts).
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'media-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
} as const;

/**
 * Security headers on every answer, desk and API alike, each chosen here rather than taken from
 * the library's defaults. Strict-Transport-Security is left to a TLS reverse proxy: over plain
 * http on loopback it means nothing, and a wrong one locks a name out for a year.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // Cross-origin pages may neither hold a reference to the desk's window nor embed its audio.
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    // Would require every subresource to opt in; the desk loads only its own, which CORP covers.
    crossOriginEmbedderPolicy: false,
    originAgentCluster: true,
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
    xContentTypeOptions: true,
    xDnsPrefetchControl: { allow: false },
    xDownloadOptions: true,
    xFrameOptions: { action: 'deny' },
    xPermittedCrossDomainPolicies: { permittedPolicies: 'none' },
    xPoweredBy: false,
    xXssProtection: true,
  });
}
