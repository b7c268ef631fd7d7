import { z } from 'zod';
import { NotFoundError } from '../domain/errors.ts';
import { recordChange } from './audit.ts';
import type { Database } from './database.ts';

/**
 * Each user's shortlist of target enterprises, as `(:User)-[:SHORTLISTED {at}]->(:Enterprise)`: kept on the
 * server so it follows the user to any browser and the bureau can see who is following which firm (audited).
 * It changes no read the cache keeps, so it does not bump the graph version.
 */

export const shortlistItemSchema = z.object({
  enterpriseId: z.string(),
  name: z.string(),
  stockCode: z.string().nullable(),
  province: z.string().nullable(),
  addedAt: z.string(),
});
export type ShortlistItem = z.infer<typeof shortlistItemSchema>;

const itemProjection = `{enterpriseId: e.id, name: e.name, stockCode: e.stockCode, province: e.province,
                         addedAt: toString(s.at)}`;

export function createShortlistRepository(db: Database) {
  return {
    async listShortlist(username: string): Promise<ShortlistItem[]> {
      return db.read(
        `MATCH (:User {username: $username})-[s:SHORTLISTED]->(e:Enterprise)
         WITH s, e ORDER BY s.at DESC, e.id RETURN ${itemProjection} AS row`,
        { username },
        (r) => shortlistItemSchema.parse(r.get('row')),
      );
    },

    /** Adds the enterprise (idempotent: adding it again keeps the first date). */
    async addToShortlist(username: string, enterpriseId: string): Promise<ShortlistItem> {
      return db.writeTransaction(async (tx) => {
        const result = await tx.run(
          `MATCH (u:User {username: $username}), (e:Enterprise {id: $id})
           OPTIONAL MATCH (u)-[old:SHORTLISTED]->(e)
           WITH u, e, old IS NOT NULL AS existed
           MERGE (u)-[s:SHORTLISTED]->(e) ON CREATE SET s.at = datetime()
           RETURN ${itemProjection} AS row, existed`,
          { username, id: enterpriseId },
        );
        const record = result.records[0];
        if (!record) throw new NotFoundError('Enterprise', enterpriseId);
        const item = shortlistItemSchema.parse(record.get('row'));
        if (record.get('existed') !== true) {
          await recordChange(tx, {
            actor: username,
            action: 'shortlist-add',
            entityType: 'Shortlist',
            entityId: `${username}:${enterpriseId}`,
            before: null,
            after: item,
            summary: `${username} shortlisted ${item.name} (${enterpriseId})`,
          });
        }
        return item;
      }, 'shortlist-add');
    },

    /** Removes the enterprise; false when it was not on the list. */
    async removeFromShortlist(username: string, enterpriseId: string): Promise<boolean> {
      return db.writeTransaction(async (tx) => {
        const result = await tx.run(
          `MATCH (:User {username: $username})-[s:SHORTLISTED]->(e:Enterprise {id: $id})
           WITH s, e, ${itemProjection} AS row
           DELETE s
           RETURN row`,
          { username, id: enterpriseId },
        );
        const record = result.records[0];
        if (!record) return false;
        await recordChange(tx, {
          actor: username,
          action: 'shortlist-remove',
          entityType: 'Shortlist',
          entityId: `${username}:${enterpriseId}`,
          before: shortlistItemSchema.parse(record.get('row')),
          after: null,
          summary: `${username} removed ${enterpriseId} from the shortlist`,
        });
        return true;
      }, 'shortlist-remove');
    },
  };
}

export type ShortlistRepository = ReturnType<typeof createShortlistRepository>;
