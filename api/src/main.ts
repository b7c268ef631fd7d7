import type { Server } from 'node:http';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { demoPassword, ensureDemoUsers } from './graph/demo-users.ts';
import { openGraph } from './graph/open-graph.ts';

const logger = {
  info: (message: string) => process.stderr.write(`${new Date().toISOString()} ${message}\n`),
  error: (message: string, error?: unknown) =>
    process.stderr.write(
      `${new Date().toISOString()} ERROR ${message}${error ? `: ${describe(error)}` : ''}\n`,
    ),
};

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const graph = await openGraph(config, { seedIfEmpty: true, log: logger.info });
  const demo = await ensureDemoUsers(graph.db);
  if (demo.length > 0) {
    const names = demo.map((u) =>
      u.districtCode ? `${u.username} (${u.role} ${u.districtCode})` : `${u.username} (${u.role})`,
    );
    logger.info(`No users yet: created demo users ${names.join(', ')}, all with password "${demoPassword}"`);
    logger.info(
      'Change them before real use: npm run user -- reset-password <username> / disable <username>',
    );
  }
  const app = createApp({
    db: graph.db,
    logger,
    webDir: config.webDir,
    auth: { sessionTtlMs: config.sessionTtlHours * 3_600_000 },
    staleAfterDays: config.staleAfterDays,
    ...(config.warmUp
      ? {
          warmUp: ({ chains, failed, seconds }) =>
            logger.info(
              `Read cache warmed: overview, gaps and first page of targets of ${chains} chains in ${seconds.toFixed(1)} s` +
                (failed > 0 ? ` (${failed} reads failed; they are computed on request)` : ''),
            ),
        }
      : {}),
  });

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.port, config.host, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(
    `ChainScout is ready at http://${config.host}:${port}/ (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  logger.info(`Neo4j: ${graph.connection.uri} (database "${graph.db.name}")`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: stopping the HTTP server, then Neo4j`);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await graph.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  logger.error('ChainScout could not start', error);
  process.exit(1);
});
