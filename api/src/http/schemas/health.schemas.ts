import { z } from 'zod';

export const healthSchema = z.object({
  status: z.literal('ok'),
  neo4j: z.object({
    version: z.string(),
    address: z.string(),
    database: z.string(),
    schemaVersion: z.number().int(),
  }),
});
export type Health = z.infer<typeof healthSchema>;
