import { z } from 'zod';

export const chainParamsSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a chain id like "integrated-circuit"')
    .max(80),
});
