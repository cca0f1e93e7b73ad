import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where the web desk's build lands (web/dist at the repository root). */
export const DEFAULT_DESK_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'web', 'dist');

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Earshot</title></head>
<body>
<h1>Earshot</h1>
<p>The web desk is not built yet. The HTTP API is running: see
<a href="/api/openapi.json">/api/openapi.json</a> for what it offers, or
<a href="/api/health">/api/health</a> for its state.</p>
</body>
</html>
`;

/**
 * Serves the built web desk at / when web/dist/index.html exists (compressed copies when the
 * browser accepts them); otherwise / is a small page
 * that says so and points at the API description.
 */
export async function registerDesk(app: FastifyInstance, deskDir: string): Promise<void> {
  if (fs.existsSync(path.join(deskDir, 'index.html'))) {
    // The build writes .br and .gz beside each script (web/tools/precompress-desk.ts): sent to a
    // browser that accepts them, the plain file otherwise.
    await app.register(fastifyStatic, {
      root: deskDir,
      prefix: '/',
      index: ['index.html'],
      preCompressed: true,
    });
    return;
  }
  app.get('/', { schema: { hide: true } }, (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE),
  );
}
