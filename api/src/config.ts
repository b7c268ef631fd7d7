import path from 'node:path';
import { z } from 'zod';

/** Empty strings in the environment mean "not set". */
const optionalText = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());
const port = (fallback: number) =>
  z.preprocess(
    (v) => (v === '' || v === undefined ? fallback : v),
    z.coerce.number({ error: 'must be a port number' }).int('must be a port number').min(0).max(65535),
  );

const envSchema = z
  .object({
    PORT: port(3000),
    HOST: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('127.0.0.1')),
    NEO4J_URI: optionalText.pipe(
      z
        .string()
        .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, 'must start with bolt:// or neo4j://')
        .optional(),
    ),
    NEO4J_USER: optionalText,
    NEO4J_PASSWORD: optionalText,
    NEO4J_DATABASE: optionalText,
    NEO4J_DATA_DIR: optionalText,
    NEO4J_BOLT_PORT: port(7687),
    NEO4J_HEAP: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .regex(/^\d+[mMgG]$/, 'must look like 512m or 2g')
        .default('2g'),
    ),
    NEO4J_PAGECACHE_MB: z.preprocess(
      (v) => (v === '' || v === undefined ? 1024 : v),
      z.coerce.number().int().min(64),
    ),
    // Facts whose asOf is older than this are flagged `stale` on chain maps and enterprise profiles.
    STALE_AFTER_DAYS: z.preprocess(
      (v) => (v === '' || v === undefined ? 730 : v),
      z.coerce.number({ error: 'must be a number of days' }).int('must be a whole number of days').min(1),
    ),
    // Fill the read cache after a start (overview, gaps and first page of targets per chain), in the background.
    WARM_UP: z.preprocess(
      (v) => (v === '' || v === undefined ? 'true' : v),
      z.stringbool({ error: 'must be true or false' }),
    ),
    // How long a login lasts; after that the token is refused and the user logs in again.
    SESSION_TTL_HOURS: z.preprocess(
      (v) => (v === '' || v === undefined ? 12 : v),
      z.coerce
        .number({ error: 'must be a number of hours' })
        .positive('must be more than 0 hours')
        .max(24 * 90, 'must be at most 2160 hours (90 days)'),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.NEO4J_USER && !env.NEO4J_PASSWORD) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEO4J_PASSWORD'],
        message: 'is required when NEO4J_USER is set',
      });
    }
  });

export interface Config {
  port: number;
  host: string;
  neo4j: {
    /** Set when an external Neo4j is used; otherwise the embedded one is started. */
    uri?: string;
    user?: string;
    password?: string;
    database: string;
    dataDir: string;
    boltPort: number;
    heap: string;
    pageCacheMiB: number;
  };
  webDir: string;
  seedDir: string;
  /** How long a login session lasts. */
  sessionTtlHours: number;
  /** Facts whose `asOf` is older than this many days are flagged `stale`. */
  staleAfterDays: number;
  /** Fill the read cache in the background after a start. */
  warmUp: boolean;
}

export const projectRoot = path.resolve(import.meta.dirname, '..', '..');

/** Parses the environment once at startup and fails with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    neo4j: {
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE ?? 'neo4j',
      dataDir: path.resolve(projectRoot, e.NEO4J_DATA_DIR ?? '.data/neo4j'),
      boltPort: e.NEO4J_BOLT_PORT,
      heap: e.NEO4J_HEAP,
      pageCacheMiB: e.NEO4J_PAGECACHE_MB,
    },
    webDir: path.join(projectRoot, 'dist', 'web'),
    seedDir: path.join(projectRoot, 'graph-seeds', 'data'),
    sessionTtlHours: e.SESSION_TTL_HOURS,
    staleAfterDays: e.STALE_AFTER_DAYS,
    warmUp: e.WARM_UP,
  };
}
