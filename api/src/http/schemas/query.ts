import { z } from 'zod';

/**
 * Building blocks for query strings. An empty parameter (`?q=`) means "not given", never 0 or "".
 */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const optionalQueryText = (max = 100) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, `must be at most ${max} characters`).optional());

export const queryInt = (options: { min: number; max: number; fallback: number }) =>
  z.preprocess(
    (v) => blankToUndefined(v) ?? options.fallback,
    z.coerce
      .number({ error: 'must be a whole number' })
      .int('must be a whole number')
      .min(options.min, `must be at least ${options.min}`)
      .max(options.max, `must be at most ${options.max}`),
  );

export const pageQuerySchema = z.object({
  page: queryInt({ min: 1, max: 100_000, fallback: 1 }),
  pageSize: queryInt({ min: 1, max: 100, fallback: 20 }),
});
