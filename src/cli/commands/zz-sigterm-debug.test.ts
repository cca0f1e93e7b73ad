import { afterAll, beforeAll, it } from 'vitest';
import { startCli } from '../../../test/helpers/cli-process.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { addRecording, createTestDataDir, type TestDataDir } from '../../../test/helpers/recordings.ts';
import { speechTestEnv } from '../../../test/helpers/speech-models.ts';

let database: TestDatabase;
let store: TestDataDir;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  database = await createTestDatabase('dbg');
  store = createTestDataDir('dbg');
  env = { DATABASE_URL: database.connectionString, EARSHOT_DATA_DIR: store.dataDir, ...speechTestEnv() };
  await addRecording(database.db, store, 'stereo', { name: 'call-1.wav' });
});
afterAll(async () => { await database?.drop(); store?.remove(); });

it('dbg', async () => {
  const t0 = Date.now();
  const cli = startCli(['worker'], env);
  await cli.waitFor(/Worker ready/);
  console.log('ready at', Date.now() - t0);
  cli.child.kill('SIGTERM');
  try { await cli.waitFor(/Worker stopped/, 40_000); console.log('stopped at', Date.now() - t0); } catch (e) { console.log('no stop', String(e)); }
  setTimeout(() => { const { execSync } = require('node:child_process'); console.log(execSync(`ps -o pid,ppid,stat,etime,args --ppid ${cli.child.pid}; ls /proc/${cli.child.pid}/task | wc -l; cat /proc/${cli.child.pid}/wchan`).toString()); }, 8000);
  const timer = setTimeout(() => { console.log('still alive; output:\n' + cli.output()); cli.child.kill('SIGKILL'); }, 20_000);
  const r = await cli.exited;
  clearTimeout(timer);
  console.log('exited at', Date.now() - t0, r, cli.output());
}, 120_000);
