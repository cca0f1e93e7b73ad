// Loader hook registered by bin/earshot.js: resolves the packages listed below to their CommonJS
// build. Under a module loader (tsx) every ES module costs a round trip to the loader thread,
// and Kysely's ES build is some 280 small files: about a quarter of a second of CPU for every
// command that opens the database (measured with `npm run bench:cli`). Its CommonJS build is the
// same code and loads its files in-process. Every import of the package in the process resolves
// here, so there is still one copy of it.
const COMMONJS_PACKAGES = new Set(['kysely']);

export async function resolve(specifier, context, nextResolve) {
  if (!COMMONJS_PACKAGES.has(specifier)) return nextResolve(specifier, context);
  const conditions = context.conditions.filter((condition) => condition !== 'import');
  return nextResolve(specifier, { ...context, conditions: [...conditions, 'require'] });
}
