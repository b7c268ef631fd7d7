import { z } from 'zod';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { type Weights, weightedComponents } from '../domain/matcher/target-scoring.ts';
import { type WeightProfile, weightsSchema } from '../domain/matcher/weight-profile.ts';
import { recordChange } from './audit.ts';
import type { Database, ManagedTransaction } from './database.ts';

/** Weight profiles as `(:WeightProfile {name, weights, version, updatedAt})`, each change audited as `(:Change)`. */

/** Node properties cannot hold maps: weights are JSON text with a fixed key order. */
const weightsText = z.string().transform((text, ctx): Weights => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'weights are not valid JSON' });
    return z.NEVER;
  }
  const parsed = weightsSchema.safeParse(value);
  if (!parsed.success) {
    ctx.addIssue({ code: 'custom', message: `weights are invalid: ${parsed.error.message}` });
    return z.NEVER;
  }
  return parsed.data;
});

const profileRowSchema = z.object({
  name: z.string(),
  description: z.string().nullable(),
  weights: weightsText,
  version: z.number().int(),
  updatedAt: z.string(),
});

const projection = `p {.name, description: p.description, .weights, .version, updatedAt: toString(p.updatedAt)}`;

export function toWeightsText(w: Weights): string {
  return JSON.stringify(Object.fromEntries(weightedComponents.map((k) => [k, w[k]])));
}

export interface SaveProfile {
  name: string;
  weights: Weights;
  description?: string;
  /** The version the client read; absent when creating a profile. */
  version?: number;
  /** Who made the change (`actorOf(user)`), recorded in the audit trail. */
  actor: string;
}

export function createWeightProfileRepository(db: Database) {
  return {
    listProfiles(): Promise<WeightProfile[]> {
      return db.read(`MATCH (p:WeightProfile) RETURN ${projection} AS row ORDER BY p.name`, {}, (r) =>
        profileRowSchema.parse(r.get('row')),
      );
    },

    async getProfile(name: string): Promise<WeightProfile | undefined> {
      const rows = await db.read(
        `MATCH (p:WeightProfile {name: $name}) RETURN ${projection} AS row`,
        { name },
        (r) => profileRowSchema.parse(r.get('row')),
      );
      return rows[0];
    },

    /**
     * Creates or updates a profile at the version the client read (optimistic concurrency), and records the
     * change with the values before and after, in one transaction.
     */
    saveProfile(input: SaveProfile): Promise<{ profile: WeightProfile; created: boolean }> {
      return db.writeTransaction((tx) => saveInTransaction(tx, input), 'save-weight-profile');
    },
  };
}

export type WeightProfileRepository = ReturnType<typeof createWeightProfileRepository>;

async function saveInTransaction(
  tx: ManagedTransaction,
  input: SaveProfile,
): Promise<{ profile: WeightProfile; created: boolean }> {
  // Setting a property takes the node's write lock, so the version read next cannot change under us.
  const locked = await tx.run(
    `MATCH (p:WeightProfile {name: $name}) SET p.lockedForWrite = true REMOVE p.lockedForWrite
     RETURN ${projection} AS row`,
    { name: input.name },
  );
  const current = locked.records.map((r) => profileRowSchema.parse(r.get('row')))[0];
  const weights = toWeightsText(input.weights);

  if (!current) {
    if (input.version !== undefined) throw new NotFoundError('Weight profile', input.name);
    const created = await tx.run(
      `CREATE (p:WeightProfile {name: $name, description: $description, weights: $weights, version: 1,
                                updatedAt: datetime(), source: 'admin'})
       RETURN ${projection} AS row`,
      { name: input.name, description: input.description ?? null, weights },
    );
    const profile = created.records.map((r) => profileRowSchema.parse(r.get('row')))[0];
    if (!profile) throw new Error(`Weight profile ${input.name} was not created`);
    await recordChange(tx, {
      actor: input.actor,
      action: 'create',
      entityType: 'WeightProfile',
      entityId: input.name,
      before: null,
      after: { weights: input.weights, description: input.description ?? null, version: 1 },
      summary: `Created weight profile "${input.name}"`,
    });
    return { profile, created: true };
  }

  if (input.version !== current.version) {
    throw new ConflictError(
      input.version === undefined
        ? `Weight profile "${input.name}" exists: send the version you read to change it`
        : `Weight profile "${input.name}" changed since version ${input.version}; read it again`,
      { currentVersion: current.version, yourVersion: input.version ?? null },
    );
  }
  const description = input.description ?? current.description;
  const updated = await tx.run(
    `MATCH (p:WeightProfile {name: $name})
     SET p.weights = $weights, p.description = $description, p.version = p.version + 1,
         p.updatedAt = datetime()
     RETURN ${projection} AS row`,
    { name: input.name, weights, description },
  );
  const profile = updated.records.map((r) => profileRowSchema.parse(r.get('row')))[0];
  if (!profile) throw new Error(`Weight profile ${input.name} vanished while locked`);
  await recordChange(tx, {
    actor: input.actor,
    action: 'update',
    entityType: 'WeightProfile',
    entityId: input.name,
    before: { weights: current.weights, description: current.description, version: current.version },
    after: { weights: input.weights, description, version: profile.version },
    summary: `Changed weight profile "${input.name}" to version ${profile.version}`,
  });
  return { profile, created: false };
}
