import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { bundledLexicon } from '../../analysis/lexicon/lexicon-data.ts';
import { presentLexicon } from '../presenters/lexicon.ts';
import { lexiconResponseSchema } from '../schemas/lexicon.ts';
import { principalOf } from '../../accounts/principal.ts';
import { errorResponseSchema } from '../schemas/common.ts';
import type { RouteContext } from './context.ts';

export function registerLexiconRoutes(app: FastifyInstance, _context: RouteContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/lexicon',
    {
      schema: {
        tags: ['analysis'],
        summary: 'The code-word lexicon: headwords, variants, categories, glosses, ambiguity notes, sources',
        response: { 200: lexiconResponseSchema, 401: errorResponseSchema },
      },
    },
    // The lexicon is read once per process and holds nothing of any collection: any signed-in user.
    (request) => {
      principalOf(request);
      return Promise.resolve(presentLexicon(bundledLexicon()));
    },
  );
}
