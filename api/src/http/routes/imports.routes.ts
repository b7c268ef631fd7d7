import express, { type RequestHandler } from 'express';
import { bufferInput } from '../../../../importers/read/open-source.ts';
import { runImport } from '../../../../importers/run-import.ts';
import { actorOf } from '../../domain/auth/access.ts';
import type { Database } from '../../graph/database.ts';
import { defineRoute } from '../route.ts';
import { importBodySchema, importQuerySchema, importSummarySchema } from '../schemas/import.schemas.ts';

export const IMPORTS_PATH = '/api/admin/imports';

/**
 * The upload route takes the file as it is (CSV, XLSX, JSON, YAML), whatever its content type; mounted on this
 * path only, ahead of the app's JSON parser, so other routes keep their 1 MB JSON limit.
 */
export const importUploadParser: RequestHandler = express.raw({ type: () => true, limit: '50mb' });

export function importRoutes(db: Database) {
  return [
    defineRoute({
      method: 'post',
      path: IMPORTS_PATH,
      tag: 'admin',
      access: 'admin',
      summary:
        'Import a file (raw request body) of enterprises, supply relations or district profiles; dryRun=true validates and resolves without writing. Same summary as the CLI.',
      query: importQuerySchema,
      body: importBodySchema,
      response: importSummarySchema,
      errors: [413],
      handler: ({ query, body, user }) =>
        runImport(db, {
          kind: query.kind,
          input: bufferInput(query.file, body),
          ...(query.format === undefined ? {} : { format: query.format }),
          ...(query.preset === undefined ? {} : { preset: query.preset }),
          ...(query.source === undefined ? {} : { source: query.source }),
          ...(query.asOf === undefined ? {} : { asOf: query.asOf }),
          dryRun: query.dryRun,
          via: 'http',
          actor: actorOf(user),
        }),
    }),
  ];
}
