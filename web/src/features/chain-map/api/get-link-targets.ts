import type { z } from 'zod';
import { targetPageSchema } from '../../../../../api/src/http/schemas/matcher.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { type QueryOptions, useApiQuery } from '../../../lib/use-api-query.ts';

export type TargetPage = z.infer<typeof targetPageSchema>;

/** The few best targets for one link, for the side panel; the target finder has the full list. */
export const panelTargetCount = 5;

export function getLinkTargets(chainId: string, linkId: string, signal?: AbortSignal): Promise<TargetPage> {
  const params = new URLSearchParams({ chain: chainId, link: linkId, limit: String(panelTargetCount) });
  return apiGet(`/api/targets?${params}`, targetPageSchema, { signal });
}

export function linkTargetsQuery(chainId: string, linkId: string): QueryOptions<TargetPage> {
  return {
    key: `link-targets:${chainId}:${linkId}`,
    fetch: (signal) => getLinkTargets(chainId, linkId, signal),
  };
}

export function useLinkTargets(chainId: string, linkId: string) {
  return useApiQuery(linkTargetsQuery(chainId, linkId));
}
