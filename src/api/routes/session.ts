import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Principal } from '../../accounts/principal.ts';
import { endAllSessions, endSession, type SessionOrigin } from '../../accounts/sessions.ts';
import {
  SignInFailed,
  signInWithPassword,
  signInWithToken,
  SignInThrottled,
} from '../../accounts/sign-in.ts';
import { recordRequestAudit } from '../audit-hook.ts';
import { emptyResponse } from '../openapi.ts';
import { errorResponseSchema } from '../schemas/common.ts';
import {
  sessionSchema,
  signInBodySchema,
  signInLinkQuerySchema,
  signOutEverywhereSchema,
} from '../schemas/session.ts';
import { NotSignedInError } from '../../accounts/principal.ts';
import { clearSessionCookie, setSessionCookie } from '../session-guard.ts';
import type { RouteContext } from './context.ts';

/** Where the desk shows its sign-in page (hash routing), with why a link did not sign in. */
const DESK_SIGN_IN = '/#/sign-in';

function originOf(request: FastifyRequest): SessionOrigin {
  const agent = request.headers['user-agent'];
  return { address: request.ip, userAgent: typeof agent === 'string' ? agent : null };
}

function presentSession(principal: Principal, csrfToken: string): z.infer<typeof sessionSchema> {
  return {
    name: principal.name,
    role: principal.role,
    csrfToken,
    collections: principal.collections === 'all' ? 'all' : [...principal.collections],
  };
}

export function registerSessionRoutes(app: FastifyInstance, { db, config, clock }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const settings = config.sessions;

  api.post(
    '/api/sign-in',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign in with name and password: sets the session cookie (HttpOnly, SameSite=Strict)',
        body: signInBodySchema,
        response: {
          200: sessionSchema,
          400: errorResponseSchema,
          401: errorResponseSchema,
          429: errorResponseSchema.describe('Too many failed sign-ins: the Retry-After header says when'),
        },
      },
    },
    async (request, reply) => {
      const tried = request.body.name;
      const signedIn = await signInWithPassword(
        db,
        { name: tried, password: request.body.password, origin: originOf(request) },
        settings,
        clock(),
      ).catch(async (error: unknown) => {
        // A failure is recorded under no actor: the name is only what was tried.
        if (error instanceof SignInFailed || error instanceof SignInThrottled) {
          const throttled = error instanceof SignInThrottled;
          await recordRequestAudit(db, request, {
            action: 'sign-in-failed',
            target: tried,
            actor: null,
            userId: null,
            details: { throttled },
          });
        }
        throw error;
      });
      await recordRequestAudit(db, request, {
        action: 'sign-in',
        target: signedIn.principal.name,
        actor: signedIn.principal.name,
        userId: signedIn.principal.userId,
        details: { via: 'password' },
      });
      setSessionCookie(reply, signedIn, settings);
      return presentSession(signedIn.principal, signedIn.csrfToken);
    },
  );

  api.get(
    '/api/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Who is signed in, with the CSRF token for writes',
        response: { 200: sessionSchema, 401: errorResponseSchema },
      },
    },
    (request) => {
      if (!request.principal || !request.session) throw new NotSignedInError();
      return presentSession(request.principal, request.session.csrfToken);
    },
  );

  api.post(
    '/api/sign-out',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign out of this session (needs the CSRF header while signed in)',
        response: { 204: emptyResponse('Signed out'), 403: errorResponseSchema },
      },
    },
    async (request, reply) => {
      if (request.session) {
        await endSession(db, request.session.tokenSha256, clock());
        await recordRequestAudit(db, request, {
          action: 'sign-out',
          target: request.principal?.name ?? null,
          details: { everywhere: false },
        });
      }
      clearSessionCookie(reply, settings);
      return reply.code(204).send();
    },
  );

  api.post(
    '/api/sign-out-everywhere',
    {
      schema: {
        tags: ['session'],
        summary: "Sign out of every one of this user's sessions, on every browser",
        response: {
          200: signOutEverywhereSchema,
          401: errorResponseSchema,
          403: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      if (!request.principal) throw new NotSignedInError();
      const endedSessions = await endAllSessions(db, request.principal.userId, clock());
      await recordRequestAudit(db, request, {
        action: 'sign-out',
        target: request.principal.name,
        details: { everywhere: true, endedSessions },
      });
      clearSessionCookie(reply, settings);
      return { endedSessions };
    },
  );

  // The one-time link printed by `earshot start` and `earshot sign-in-link`: a page, not an API
  // route. It signs in and opens the desk; a used or expired link opens the sign-in page saying so.
  api.get(
    '/sign-in',
    {
      schema: {
        hide: true,
        querystring: signInLinkQuerySchema,
      },
    },
    async (request, reply) => {
      const token = request.query.token;
      const signedIn = token
        ? await signInWithToken(db, { token, origin: originOf(request) }, settings, clock())
        : null;
      if (!signedIn) {
        await recordRequestAudit(db, request, {
          action: 'sign-in-failed',
          target: null,
          actor: null,
          userId: null,
          details: { via: 'link' },
        });
        return reply.redirect(`${DESK_SIGN_IN}?problem=link`, 303);
      }
      await recordRequestAudit(db, request, {
        action: 'sign-in',
        target: signedIn.principal.name,
        actor: signedIn.principal.name,
        userId: signedIn.principal.userId,
        details: { via: 'link' },
      });
      setSessionCookie(reply, signedIn, settings);
      return reply.header('referrer-policy', 'no-referrer').redirect('/', 303);
    },
  );
}
