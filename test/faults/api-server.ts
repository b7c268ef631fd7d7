import { createApp } from '../../api/src/app.ts';
import { createDatabase } from '../../api/src/graph/database.ts';

/**
 * The API as its own process against a given Neo4j, for tests that kill it: `api-server.ts <bolt-uri> <port>`.
 * Prints `API_READY <port>` once it listens.
 */
const [uri, port] = process.argv.slice(2);
if (!uri || !port) {
  process.stderr.write('usage: api-server.ts <bolt-uri> <port>\n');
  process.exit(2);
}
const db = createDatabase({ uri, database: 'neo4j' });
const logger = {
  error: (message: string, error?: unknown) => process.stderr.write(`${message} ${String(error)}\n`),
};
const server = createApp({ db, logger }).listen(Number(port), '127.0.0.1', () => {
  process.stdout.write(`API_READY ${port}\n`);
});
process.on('SIGTERM', () => {
  server.close(() => void db.close().then(() => process.exit(0)));
});
