import type { Database } from '../../graph/database.ts';
import { readSchemaVersion } from '../../graph/migrations.ts';
import { defineRoute } from '../route.ts';
import { healthSchema } from '../schemas/health.schemas.ts';

export function healthRoutes(db: Database) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/health',
      tag: 'system',
      access: 'public',
      summary: 'Liveness with the Neo4j version; 503 while Neo4j is unreachable',
      response: healthSchema,
      handler: async () => {
        const [info, schemaVersion] = await Promise.all([db.serverInfo(), readSchemaVersion(db)]);
        return { status: 'ok' as const, neo4j: { ...info, database: db.name, schemaVersion } };
      },
    }),
  ];
}
