// Preloaded with `node --import` into a child process: records, in the file named by
// EARSHOT_MODULE_LOG, the URL of every module the process loads (ES modules through a resolve hook,
// CommonJS ones from require.cache when the process exits, which is how native addons such as
// sherpa-onnx-node and the az package are loaded), so a test can say what a command loaded.
import fs from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const log = process.env.EARSHOT_MODULE_LOG;
if (!log) throw new Error('module-probe: set EARSHOT_MODULE_LOG to the file to write');

const hook = `
import fs from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  fs.appendFileSync(${JSON.stringify(log)}, result.url + '\\n');
  return result;
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);

process.on('exit', () => {
  const required = Object.keys(createRequire(import.meta.url).cache);
  fs.appendFileSync(log, required.map((file) => `${pathToFileURL(file).href}\n`).join(''));
});
