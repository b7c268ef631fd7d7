import type { z } from 'zod';
import { type ImportQuery, importSummarySchema } from '../../../../../api/src/http/schemas/import.schemas.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type ImportSummary = z.infer<typeof importSummarySchema>;

export interface ImportRequest {
  kind: ImportQuery['kind'];
  format: ImportQuery['format'];
  preset: ImportQuery['preset'];
  source: string;
  asOf: string;
  dryRun: boolean;
  file: File;
}

/** Uploads the file as the raw body; a dry run validates and resolves without writing. */
export function runImport(request: ImportRequest): Promise<ImportSummary> {
  const search = new URLSearchParams({
    kind: request.kind,
    file: request.file.name,
    dryRun: String(request.dryRun),
  });
  if (request.format) search.set('format', request.format);
  if (request.preset) search.set('preset', request.preset);
  if (request.source.trim() !== '') search.set('source', request.source.trim());
  if (request.asOf !== '') search.set('asOf', request.asOf);
  return apiRequest(`/api/admin/imports?${search}`, importSummarySchema, {
    method: 'POST',
    body: request.file,
  });
}
