// Loader hook registered by bin/earshot.js: resolves the packages listed below (and their
// subpaths) to their CommonJS builds. Under a module loader (tsx) every ES module costs a round
// trip to the loader thread, and these ES builds are hundreds of small files: Kysely's ~280 cost
// about a quarter of a second of CPU for every command that opens the database, zod's ~100 about
// a tenth for every command (measured with `npm run bench:cli`). The CommonJS builds are the same
// code and load their files in-process. Every import of these packages in the process, from
// Earshot or from a dependency (fastify-type-provider-zod imports zod/v4/core), resolves here, so
// there is still one copy of each.
const COMMONJS_PACKAGES = ['kysely', 'zod'];

export async function resolve(specifier, context, nextResolve) {
  const listed = COMMONJS_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`));
  if (!listed) return nextResolve(specifier, context);
  const conditions = context.conditions.filter((condition) => condition !== 'import');
  return nextResolve(specifier, { ...context, conditions: [...conditions, 'require'] });
}
