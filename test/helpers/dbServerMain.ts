import { openDatabase } from '../../localcloud/database';
import { startDbOnlyServer } from './dbOnlyServer';

/**
 * `tsx test/helpers/dbServerMain.ts <dataDir>`: the database served at /admin in its own process,
 * for crash tests. Prints `LISTENING <port> <pid>` once it accepts requests.
 */
async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: dbServerMain <dataDir>');
  const server = await startDbOnlyServer(openDatabase({ dir }));
  process.stdout.write(`LISTENING ${server.port} ${process.pid}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
