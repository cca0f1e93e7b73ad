import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The desk's Content-Security-Policy: its own scripts, fonts, media and API only; no inline
 * script and no eval, no plugins, no <base> tricks, never framed, forms posted nowhere else.
 * Images may be data: URLs (the empty favicon in index.html).
 *
 * Inline styles are allowed: WaveSurfer writes a <style> element into each waveform's shadow
 * root, and ECharts' tooltips are HTML with style attributes. They cannot carry anything out:
 * every fetching directive (img, font, media, connect) is this origin only, so a CSS url() to
 * another site is refused too. test/e2e/desk/web-hardening.test.ts loads the built desk in
 * Chromium and fails on any violation of this policy.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
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
