import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export function registerOpenApiRoute(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/openapi.json',
    {
      schema: {
        tags: ['meta'],
        summary: 'This API described as an OpenAPI 3 document, generated from the route schemas',
        response: { 200: z.record(z.string(), z.unknown()).describe('OpenAPI 3 document') },
      },
    },
    () => app.swagger() as unknown as Record<string, unknown>,
  );
}
