import { errorBodySchema } from '../../../../../api/src/http/schemas/error.schemas.ts';
import { maxExportRows } from '../../../../../api/src/http/schemas/matcher.schemas.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { getSession } from '../../../lib/session.ts';
import { type TargetFilters, targetsApiPath } from '../target-filters.ts';

/**
 * Downloads the ranking under the current filters as CSV or XLSX. The API wants the bearer token, which a
 * plain link cannot send, so the file is fetched into a blob and saved through a temporary link.
 */
export async function downloadTargets(filters: TargetFilters, format: 'csv' | 'xlsx'): Promise<void> {
  const headers: Record<string, string> = {};
  const token = getSession()?.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(targetsApiPath(filters, { format, limit: maxExportRows }), { headers });
  } catch {
    throw new ApiError({
      kind: 'network',
      status: null,
      code: 'NETWORK',
      message: 'Could not reach the server. Check the connection and try again.',
    });
  }
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(await response.json().catch(() => undefined));
    throw new ApiError({
      kind: 'http',
      status: response.status,
      code: parsed.success ? parsed.data.error.code : `HTTP_${response.status}`,
      message: parsed.success ? parsed.data.error.message : `The server answered ${response.status}.`,
      fromServer: parsed.success,
    });
  }
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `targets.${format}`;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: some browsers start the download only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
