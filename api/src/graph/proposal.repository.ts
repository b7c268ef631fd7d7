import { z } from 'zod';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import {
  decide,
  type PartyRole,
  type ProposalAction,
  type ProposalSnapshot,
  partyRoles,
  proposalStates,
} from '../domain/joint/proposal-lifecycle.ts';
import { type ProposalTarget, termsSchema } from '../domain/joint/proposal-terms.ts';
import type { Terms } from '../domain/joint/sharing-rules.ts';
import { recordChange } from './audit.ts';
import { type Database, int, type ManagedTransaction } from './database.ts';

/**
 * Proposals and agreements between districts.
 *
 * `(:Proposal {id, title, state, version, initiator, parties, acceptedBy, terms, targetKind, targetId,
 *  createdBy, createdAt, updatedAt, expiresAt})-[:PARTY {role}]->(:District)`, `-[:TARGETS]->(:Enterprise)`
 * when the target is an enterprise, `-[:HAS_STEP]->(:ProposalStep {id: "<proposal>:<version>", version, action,
 * actor, actingFor, at, fromState, toState, terms, note})` for every step, and `-[:RESULTED_IN]->(:Agreement)`
 * once all parties accept. Terms and parties are JSON text (node properties cannot hold maps).
 *
 * Every change runs in one write transaction: it takes the proposal's write lock, reads it, lets the domain
 * decide, then writes only `WHERE p.version = $version`. The version check is made by Neo4j under the lock, so
 * of concurrent changes at one version exactly one commits; the step id is unique, so a second step for one
 * version could not commit either.
 */

const jsonText = <T extends z.ZodType>(schema: T) =>
  z.string().transform((text, ctx): z.output<T> => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'stored JSON is not valid' });
      return z.NEVER;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: `stored value is invalid: ${parsed.error.message}` });
      return z.NEVER;
    }
    return parsed.data;
  });

const storedPartySchema = z.object({ code: z.string(), role: z.enum(partyRoles) });
const stateSchema = z.enum(proposalStates);

const snapshotRowSchema = z.object({
  id: z.string(),
  state: stateSchema,
  version: z.number().int(),
  initiator: z.string(),
  parties: jsonText(z.array(storedPartySchema)),
  acceptedBy: z.array(z.string()),
  expiresAt: z.string(),
  terms: jsonText(termsSchema),
  targetKind: z.enum(['enterprise', 'project']),
  targetId: z.string(),
});

const stepRowSchema = z.object({
  version: z.number().int(),
  action: z.enum(['create', 'propose', 'counter', 'accept', 'reject', 'withdraw']),
  actor: z.string(),
  actingFor: z.string(),
  at: z.string(),
  fromState: stateSchema.nullable(),
  toState: stateSchema,
  terms: jsonText(termsSchema).nullable(),
  note: z.string().nullable(),
});
export type ProposalStep = z.output<typeof stepRowSchema>;

const proposalRowSchema = snapshotRowSchema.extend({
  title: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  targetName: z.string().nullable(),
  districtNames: z.array(z.object({ code: z.string(), name: z.string() })),
  history: z.array(stepRowSchema),
  agreement: z.object({ id: z.string(), signedAt: z.string() }).nullable(),
});
export type ProposalRecord = z.output<typeof proposalRowSchema>;

const summaryRowSchema = proposalRowSchema.omit({ history: true });
export type ProposalSummaryRecord = z.output<typeof summaryRowSchema>;

const snapshotFields = `.id, .state, .version, .initiator, .parties, .acceptedBy,
  expiresAt: toString(p.expiresAt), .terms, .targetKind, .targetId`;
const snapshotProjection = `p {${snapshotFields}}`;

const summaryFields = `.title, .createdBy, createdAt: toString(p.createdAt), updatedAt: toString(p.updatedAt),
  targetName: head(COLLECT { MATCH (p)-[:TARGETS]->(e:Enterprise) RETURN e.name }),
  districtNames: COLLECT { MATCH (p)-[:PARTY]->(d:District) WITH d ORDER BY d.code RETURN d {.code, .name} },
  agreement: head(COLLECT { MATCH (p)-[:RESULTED_IN]->(a:Agreement) RETURN {id: a.id, signedAt: toString(a.signedAt)} })`;

const historyField = `history: COLLECT { MATCH (p)-[:HAS_STEP]->(s:ProposalStep) WITH s ORDER BY s.version
  RETURN s {.version, .action, .actor, .actingFor, at: toString(s.at), fromState: s.fromState, .toState,
            terms: s.terms, note: s.note} }`;

const proposalProjection = `p {${snapshotFields}, ${summaryFields}, ${historyField}}`;
const summaryProjection = `p {${snapshotFields}, ${summaryFields}}`;

/** What a reader sees as the state: open proposals past their deadline are expired. */
const effectiveStateCypher = `CASE WHEN p.state IN ['draft', 'proposed', 'countered'] AND p.expiresAt <= datetime()
  THEN 'expired' ELSE p.state END`;

/** A district's inbox folders: what waits for its answer, what it initiated, everything it is party to. */
export type ProposalBox = 'all' | 'awaiting' | 'mine';

export interface NewProposal {
  id: string;
  title: string;
  initiator: string;
  actor: string;
  parties: { code: string; role: PartyRole }[];
  target: ProposalTarget;
  terms: Terms;
  submit: boolean;
  expiresAt: string;
  now: string;
}

export interface ProposalChange {
  id: string;
  action: Exclude<ProposalAction, 'create'>;
  /** The district acted for, and the user acting. */
  actingFor: string;
  actor: string;
  version: number;
  /** New terms (counter only). */
  terms?: Terms;
  expiresAt?: string;
  note?: string;
  now: Date;
  /** For an agreement's id. */
  agreementId: string;
}

export function createProposalRepository(db: Database) {
  const getInTx = async (tx: ManagedTransaction, id: string): Promise<ProposalRecord> => {
    const result = await tx.run(`MATCH (p:Proposal {id: $id}) RETURN ${proposalProjection} AS row`, { id });
    const row = result.records.map((r) => proposalRowSchema.parse(r.get('row')))[0];
    if (!row) throw new NotFoundError('Proposal', id);
    return row;
  };

  return {
    /** The districts among `codes` that exist, with their names. */
    findDistricts(codes: string[]): Promise<{ code: string; name: string }[]> {
      return db.read(
        'UNWIND $codes AS code MATCH (d:District {code: code}) RETURN d {.code, .name} AS row',
        { codes },
        (r) => z.object({ code: z.string(), name: z.string() }).parse(r.get('row')),
      );
    },

    async enterpriseName(id: string): Promise<string | undefined> {
      const rows = await db.read('MATCH (e:Enterprise {id: $id}) RETURN e.name AS name', { id }, (r) =>
        z.string().parse(r.get('name')),
      );
      return rows[0];
    },

    async getProposal(id: string): Promise<ProposalRecord | undefined> {
      const rows = await db.read(
        `MATCH (p:Proposal {id: $id}) RETURN ${proposalProjection} AS row`,
        { id },
        (r) => proposalRowSchema.parse(r.get('row')),
      );
      return rows[0];
    },

    /** Newest first; only those a district is party to when `district` is given. */
    async listProposals(filter: {
      district: string | null;
      state: string | null;
      box?: ProposalBox;
      skip: number;
      limit: number;
    }): Promise<{ items: ProposalSummaryRecord[]; total: number }> {
      const match =
        filter.district === null
          ? 'MATCH (p:Proposal)'
          : 'MATCH (:District {code: $district})<-[:PARTY]-(p:Proposal)';
      // Boxes are a district's view: without a district every proposal is in "all".
      const box = filter.district === null ? 'all' : (filter.box ?? 'all');
      const boxClause =
        box === 'mine'
          ? 'AND p.initiator = $district'
          : box === 'awaiting'
            ? `AND ((${effectiveStateCypher} IN ['proposed', 'countered'] AND NOT $district IN p.acceptedBy)
                    OR (${effectiveStateCypher} = 'draft' AND p.initiator = $district))`
            : '';
      const where = `WHERE ($state IS NULL OR ${effectiveStateCypher} = $state) ${boxClause}`;
      const params = { district: filter.district, state: filter.state };
      const [items, totals] = await Promise.all([
        db.read(
          `${match} ${where}
           WITH p ORDER BY p.updatedAt DESC, p.id SKIP $skip LIMIT $limit
           RETURN ${summaryProjection} AS row`,
          { ...params, skip: int(filter.skip), limit: int(filter.limit) },
          (r) => summaryRowSchema.parse(r.get('row')),
        ),
        db.read(`${match} ${where} RETURN count(p) AS total`, params, (r) =>
          z.number().int().parse(r.get('total')),
        ),
      ]);
      return { items, total: totals[0] ?? 0 };
    },

    createProposal(input: NewProposal): Promise<ProposalRecord> {
      return db.writeTransaction(async (tx) => {
        const state = input.submit ? 'proposed' : 'draft';
        const acceptedBy = input.submit ? [input.initiator] : [];
        const terms = JSON.stringify(input.terms);
        await tx.run(
          `CREATE (p:Proposal {id: $id, title: $title, state: $state, version: 1, initiator: $initiator,
                               parties: $parties, acceptedBy: $acceptedBy, terms: $terms,
                               targetKind: $targetKind, targetId: $targetId, createdBy: $actor,
                               createdAt: datetime($now), updatedAt: datetime($now), expiresAt: datetime($expiresAt)})
           CREATE (p)-[:HAS_STEP]->(:ProposalStep {id: $id + ':1', proposalId: $id, version: 1, action: 'create',
                    actor: $actor, actingFor: $initiator, at: datetime($now), fromState: null, toState: $state,
                    terms: $terms, note: $note})
           WITH p
           UNWIND $partyRows AS party
           MATCH (d:District {code: party.code})
           CREATE (p)-[:PARTY {role: party.role}]->(d)
           WITH DISTINCT p
           OPTIONAL MATCH (e:Enterprise {id: $targetId}) WHERE $targetKind = 'enterprise'
           FOREACH (_ IN CASE WHEN e IS NULL THEN [] ELSE [1] END | CREATE (p)-[:TARGETS]->(e))`,
          {
            id: input.id,
            title: input.title,
            state,
            initiator: input.initiator,
            parties: JSON.stringify(input.parties),
            partyRows: input.parties,
            acceptedBy,
            terms,
            targetKind: input.target.kind,
            targetId: input.target.id,
            actor: input.actor,
            now: input.now,
            expiresAt: input.expiresAt,
            note: input.terms.note ?? null,
          },
        );
        const created = await getInTx(tx, input.id);
        await recordChange(tx, {
          actor: input.actor,
          action: 'create',
          entityType: 'Proposal',
          entityId: input.id,
          before: null,
          after: { state, version: 1, parties: input.parties, target: input.target, terms: input.terms },
          summary: `${input.initiator} ${input.submit ? 'proposed' : 'drafted'} joint attraction of ${input.target.kind} ${input.target.id}`,
        });
        return created;
      }, 'create-proposal');
    },

    /** One step of the negotiation at the version the client read; 409 and nothing written when stale. */
    changeProposal(change: ProposalChange): Promise<ProposalRecord> {
      return db.writeTransaction(async (tx) => {
        // Setting a property takes the node's write lock: concurrent changes queue here, and each reads
        // the proposal as the previous one committed it.
        const locked = await tx.run(
          `MATCH (p:Proposal {id: $id}) SET p.lockedForWrite = true REMOVE p.lockedForWrite
           RETURN ${snapshotProjection} AS row`,
          { id: change.id },
        );
        const current = locked.records.map((r) => snapshotRowSchema.parse(r.get('row')))[0];
        if (!current) throw new NotFoundError('Proposal', change.id);
        const snapshot: ProposalSnapshot = current;
        const decision = decide(snapshot, change.action, change.actingFor, change.version, change.now);
        const terms = change.terms ? JSON.stringify(change.terms) : null;
        const written = await tx.run(
          `MATCH (p:Proposal {id: $id}) WHERE p.version = $version
           WITH p, p.state AS fromState
           SET p.version = p.version + 1, p.state = $toState, p.acceptedBy = $acceptedBy,
               p.updatedAt = datetime($now), p.terms = coalesce($terms, p.terms),
               p.expiresAt = CASE WHEN $expiresAt IS NULL THEN p.expiresAt ELSE datetime($expiresAt) END
           CREATE (p)-[:HAS_STEP]->(:ProposalStep {id: p.id + ':' + toString(p.version), proposalId: p.id,
                    version: p.version, action: $action, actor: $actor, actingFor: $actingFor,
                    at: datetime($now), fromState: fromState, toState: $toState, terms: $terms, note: $note})
           RETURN p.version AS version`,
          {
            id: change.id,
            version: int(change.version),
            toState: decision.toState,
            acceptedBy: decision.acceptedBy,
            now: change.now.toISOString(),
            terms,
            expiresAt: change.expiresAt ?? null,
            action: change.action,
            actor: change.actor,
            actingFor: change.actingFor,
            note: change.note ?? null,
          },
        );
        if (written.records.length === 0) {
          throw new ConflictError(
            `Proposal ${change.id} changed since version ${change.version}; read it again`,
            {
              yourVersion: change.version,
            },
          );
        }
        if (decision.agreement) {
          await tx.run(
            `MATCH (p:Proposal {id: $id})
             CREATE (p)-[:RESULTED_IN]->(:Agreement {id: $agreementId, proposalId: p.id, signedAt: datetime($now),
                      parties: p.parties, terms: p.terms, targetKind: p.targetKind, targetId: p.targetId,
                      version: p.version})`,
            { id: change.id, agreementId: change.agreementId, now: change.now.toISOString() },
          );
        }
        const after = await getInTx(tx, change.id);
        await recordChange(tx, {
          actor: change.actor,
          action: change.action,
          entityType: 'Proposal',
          entityId: change.id,
          before: { state: current.state, version: current.version, acceptedBy: current.acceptedBy },
          after: {
            state: after.state,
            version: after.version,
            acceptedBy: after.acceptedBy,
            ...(change.terms ? { terms: change.terms } : {}),
            ...(after.agreement ? { agreement: after.agreement.id } : {}),
          },
          summary: `${change.actingFor} ${change.action} at version ${change.version}`,
        });
        return after;
      }, `proposal-${change.action}`);
    },
  };
}

export type ProposalRepository = ReturnType<typeof createProposalRepository>;
