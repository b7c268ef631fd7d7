import { weightProfileListSchema } from '../../../../../api/src/http/schemas/matcher.schemas.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { useApiQuery } from '../../../lib/use-api-query.ts';

export function useWeightProfiles() {
  return useApiQuery({
    key: 'weight-profiles',
    fetch: (signal) => apiGet('/api/weight-profiles', weightProfileListSchema, { signal }),
  });
}
