import { randomUUID } from 'node:crypto';
import { assertActsFor } from '../auth/access.ts';
import type { SessionUser } from '../auth/session-user.ts';
import { type FieldIssue, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { analyseCoalition } from './coalitions.ts';
import type { DistrictFit } from './district-fit.ts';
import {
  availableActions,
  effectiveState,
  type PartyRole,
  type ProposalAction,
  type ProposalState,
  partyIssues,
  proposalRules,
} from './proposal-lifecycle.ts';
import type { ProposalTarget } from './proposal-terms.ts';
import {
  type BenefitTable,
  baseShares,
  benefitTable,
  type Shares,
  type Terms,
  termsIssues,
} from './sharing-rules.ts';

/** What the negotiation reads and writes; implemented by `graph/proposal.repository.ts`. */
export interface ProposalStore {
  findDistricts(codes: string[]): Promise<{ code: string; name: string }[]>;
  enterpriseName(id: string): Promise<string | undefined>;
  getProposal(id: string): Promise<StoredProposal | undefined>;
  listProposals(filter: {
    district: string | null;
    state: string | null;
    /** `awaiting`: open and not yet accepted by the district (or its own drafts); `mine`: it initiated. */
    box?: 'all' | 'awaiting' | 'mine';
    skip: number;
    limit: number;
  }): Promise<{ items: StoredSummary[]; total: number }>;
  createProposal(input: {
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
  }): Promise<StoredProposal>;
  changeProposal(change: {
    id: string;
    action: Exclude<ProposalAction, 'create'>;
    actingFor: string;
    actor: string;
    version: number;
    terms?: Terms;
    expiresAt?: string;
    note?: string;
    now: Date;
    agreementId: string;
  }): Promise<StoredProposal>;
}

/** Fit of named districts for an enterprise, in the order given (for Shapley shares). */
export interface FitSource {
  fitsOf(enterpriseId: string, codes: readonly string[]): Promise<(DistrictFit | undefined)[]>;
}

export interface StoredSummary {
  id: string;
  title: string;
  state: ProposalState;
  version: number;
  initiator: string;
  parties: { code: string; role: PartyRole }[];
  acceptedBy: string[];
  expiresAt: string;
  terms: Terms;
  targetKind: 'enterprise' | 'project';
  targetId: string;
  targetName: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  districtNames: { code: string; name: string }[];
  agreement: { id: string; signedAt: string } | null;
}

export interface StoredProposal extends StoredSummary {
  history: {
    version: number;
    action: ProposalAction;
    actor: string;
    actingFor: string;
    at: string;
    fromState: ProposalState | null;
    toState: ProposalState;
    terms: Terms | null;
    note: string | null;
  }[];
}

export interface ProposalSummary {
  id: string;
  title: string;
  /** As a reader sees it: an open proposal past `expiresAt` is `expired`. */
  state: ProposalState;
  version: number;
  initiator: { code: string; name: string };
  target: { kind: 'enterprise' | 'project'; id: string; name: string | null };
  parties: { code: string; name: string; role: PartyRole; accepted: boolean }[];
  /** The split in force in the first year of the term (before any coordinator share). */
  shares: Shares;
  terms: Terms;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  agreement: { id: string; signedAt: string } | null;
}

export interface ProposalView extends ProposalSummary {
  history: StoredProposal['history'];
  /** Year by year, per metric and district, what the terms credit each party with. */
  table: BenefitTable;
  /** For each party district the reader may act for, what it may do now (empty for analysts). */
  yourActions: { district: string; actions: Exclude<ProposalAction, 'create'>[] }[];
}

/** One way of sharing to compare: the terms as given, or why they cannot be used. */
export interface ShareScenario {
  key: string;
  terms: Terms | null;
  /** The split in force in the first year (Shapley computed). */
  shares: Shares | null;
  table: BenefitTable | null;
  issues: FieldIssue[];
}

export interface ShareComparisonInput {
  parties: { code: string; role: PartyRole }[];
  target: ProposalTarget;
  scenarios: { key: string; terms: Terms }[];
}

export interface CreateProposalInput {
  parties: { code: string; role: PartyRole }[];
  target: ProposalTarget;
  terms: Terms;
  title?: string;
  submit: boolean;
  validDays?: number;
  actingFor?: string;
}

export interface ActionInput {
  version: number;
  actingFor?: string;
  note?: string;
  /** Counter only. */
  terms?: Terms;
  validDays?: number;
}

const dayMs = 86_400_000;

function summaryOf(p: StoredSummary, now: Date): ProposalSummary {
  const names = new Map(p.districtNames.map((d) => [d.code, d.name]));
  const codes = p.parties.map((party) => party.code);
  return {
    id: p.id,
    title: p.title,
    state: effectiveState(p, now),
    version: p.version,
    initiator: { code: p.initiator, name: names.get(p.initiator) ?? p.initiator },
    target: { kind: p.targetKind, id: p.targetId, name: p.targetName },
    parties: p.parties.map((party) => ({
      code: party.code,
      name: names.get(party.code) ?? party.code,
      role: party.role,
      accepted: p.acceptedBy.includes(party.code),
    })),
    shares: baseShares(p.terms.split, codes),
    terms: p.terms,
    createdBy: p.createdBy,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    expiresAt: p.expiresAt,
    agreement: p.agreement,
  };
}

function viewOf(p: StoredProposal, now: Date, user: SessionUser): ProposalView {
  const summary = summaryOf(p, now);
  const actingFor =
    user.role === 'admin'
      ? p.parties.map((party) => party.code)
      : user.role === 'district' && p.parties.some((party) => party.code === user.districtCode)
        ? [user.districtCode ?? '']
        : [];
  return {
    ...summary,
    history: p.history,
    table: benefitTable(
      p.terms,
      summary.parties.map((party) => ({ code: party.code, name: party.name })),
    ),
    yourActions: actingFor.map((district) => ({ district, actions: availableActions(p, district, now) })),
  };
}

/**
 * The district a user acts for: a district user its own, an admin the party it names; analysts act for none.
 * Only a party's own users (or an admin on its behalf) may act for it.
 */
export function actingDistrict(user: SessionUser, actingFor: string | undefined): string {
  if (user.role === 'admin' && actingFor === undefined) {
    throw new ValidationError('An admin must say which party district it acts for', [
      { path: 'body.actingFor', message: 'required for admins: the party district acted for' },
    ]);
  }
  const code = actingFor ?? user.districtCode;
  if (code === null) {
    throw new ForbiddenError(
      `User "${user.username}" (${user.role}) acts for no district and may not negotiate`,
    );
  }
  assertActsFor(user, code);
  return code;
}

export function createProposalService(
  store: ProposalStore,
  fits: FitSource,
  clock: () => Date = () => new Date(),
) {
  /** Computes Shapley shares for a `shapley` split; other terms pass through. */
  const resolveTerms = async (
    terms: Terms,
    target: ProposalTarget,
    codes: string[],
    path: string,
  ): Promise<Terms> => {
    if (terms.split.basis !== 'shapley') return terms;
    if (target.kind !== 'enterprise') {
      throw new ValidationError('Shapley shares need an enterprise target to compute district fit for', [
        {
          path: `${path}.split.basis`,
          message: 'shapley needs target.kind "enterprise"; use fixed or weighted',
        },
      ]);
    }
    const districtFits = await fits.fitsOf(target.id, codes);
    const players = districtFits.filter((f): f is DistrictFit => f !== undefined);
    if (players.length !== codes.length) throw new Error('District fit lost a party between queries');
    const coalition = analyseCoalition(players);
    const issues: FieldIssue[] = coalition.members
      .filter((m) => m.shapley <= 0)
      .map((m) => ({
        path: `${path}.split`,
        message: `${m.name}（${m.code}）的 Shapley 值为 ${m.shapley.toFixed(4)}：它带来的不足以抵消协调成本；请去掉该区或改用其他分成方式`,
      }));
    if (coalition.value <= 0) {
      issues.push({
        path: `${path}.split`,
        message: `this coalition creates no value (v = ${coalition.value.toFixed(4)})`,
      });
    }
    if (issues.length > 0)
      throw new ValidationError('Shapley shares are not usable for this coalition', issues);
    return {
      ...terms,
      split: {
        basis: 'shapley',
        shares: Object.fromEntries(coalition.members.map((m) => [m.code, m.share])),
        values: coalition.subsets,
      },
    };
  };

  const checkTerms = (terms: Terms, codes: string[], path: string) => {
    const issues = termsIssues(terms, codes, path);
    if (issues.length > 0) {
      throw new ValidationError(
        `Invalid terms: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
        issues,
      );
    }
  };

  const expiry = (now: Date, validDays: number | undefined) =>
    new Date(now.getTime() + (validDays ?? proposalRules.defaultValidDays) * dayMs).toISOString();

  const readable = (user: SessionUser, p: StoredSummary) => {
    if (user.role !== 'district') return;
    if (!p.parties.some((party) => party.code === user.districtCode)) {
      throw new ForbiddenError(`District ${user.districtCode} is not a party to proposal ${p.id}`);
    }
  };

  return {
    async createProposal(user: SessionUser, input: CreateProposalInput): Promise<ProposalView> {
      const initiator = actingDistrict(user, input.actingFor);
      const codes = input.parties.map((p) => p.code);
      const issues = partyIssues(input.parties, 'body.parties');
      if (issues.length > 0)
        throw new ValidationError(`Invalid parties: ${issues.map((i) => i.message).join('; ')}`, issues);
      if (!codes.includes(initiator)) {
        throw new ForbiddenError(`District ${initiator} may only propose coalitions it is a party to`);
      }
      const known = new Set((await store.findDistricts(codes)).map((d) => d.code));
      const unknown = input.parties
        .map((p, i) => ({ path: `body.parties.${i}.code`, code: p.code }))
        .filter((p) => !known.has(p.code))
        .map((p) => ({ path: p.path, message: `unknown district "${p.code}"` }));
      if (unknown.length > 0)
        throw new ValidationError(`Unknown districts: ${unknown.map((u) => u.message).join('; ')}`, unknown);
      let targetName: string | null = null;
      if (input.target.kind === 'enterprise') {
        targetName = (await store.enterpriseName(input.target.id)) ?? null;
        if (targetName === null) {
          throw new ValidationError(`Unknown enterprise "${input.target.id}"`, [
            { path: 'body.target.id', message: `no enterprise "${input.target.id}" in the graph` },
          ]);
        }
      }
      checkTerms(input.terms, codes, 'body.terms');
      const terms = await resolveTerms(input.terms, input.target, codes, 'body.terms');
      checkTerms(terms, codes, 'body.terms');
      const now = clock();
      const created = await store.createProposal({
        id: randomUUID(),
        title: input.title ?? `${targetName ?? input.target.id} 联合招引`,
        initiator,
        actor: user.username,
        parties: input.parties,
        target: input.target,
        terms,
        submit: input.submit,
        expiresAt: expiry(now, input.validDays),
        now: now.toISOString(),
      });
      return viewOf(created, now, user);
    },

    async getProposal(user: SessionUser, id: string): Promise<ProposalView> {
      const p = await store.getProposal(id);
      if (!p) throw new NotFoundError('Proposal', id);
      readable(user, p);
      return viewOf(p, clock(), user);
    },

    /** District users see the proposals their district is party to; analysts and admins see all. */
    async listProposals(
      user: SessionUser,
      query: { state?: ProposalState; box?: 'all' | 'awaiting' | 'mine'; page: number; pageSize: number },
    ): Promise<{ items: ProposalSummary[]; total: number; page: number; pageSize: number }> {
      const district = user.role === 'district' ? (user.districtCode ?? '') : null;
      const { items, total } = await store.listProposals({
        district,
        state: query.state ?? null,
        box: query.box ?? 'all',
        skip: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      });
      const now = clock();
      return {
        items: items.map((p) => summaryOf(p, now)),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /**
     * The benefit table of several ways of sharing for one coalition and target, side by side; nothing is
     * written. A scenario whose terms do not hold (or whose Shapley split is unusable) comes back with its issues.
     */
    async compareShares(input: ShareComparisonInput): Promise<{
      parties: { code: string; name: string; role: PartyRole }[];
      scenarios: ShareScenario[];
    }> {
      const issues = partyIssues(input.parties, 'body.parties');
      if (issues.length > 0)
        throw new ValidationError(`Invalid parties: ${issues.map((i) => i.message).join('; ')}`, issues);
      const codes = input.parties.map((p) => p.code);
      const names = new Map((await store.findDistricts(codes)).map((d) => [d.code, d.name]));
      const unknown = input.parties
        .map((p, i) => ({ path: `body.parties.${i}.code`, code: p.code }))
        .filter((p) => !names.has(p.code))
        .map((p) => ({ path: p.path, message: `unknown district "${p.code}"` }));
      if (unknown.length > 0)
        throw new ValidationError(`Unknown districts: ${unknown.map((u) => u.message).join('; ')}`, unknown);
      if (input.target.kind === 'enterprise' && !(await store.enterpriseName(input.target.id))) {
        throw new NotFoundError('Enterprise', input.target.id);
      }
      const parties = input.parties.map((p) => ({
        code: p.code,
        name: names.get(p.code) ?? p.code,
        role: p.role,
      }));
      const scenarios = await Promise.all(
        input.scenarios.map(async ({ key, terms }, index): Promise<ShareScenario> => {
          const path = `body.scenarios.${index}.terms`;
          try {
            checkTerms(terms, codes, path);
            const resolved = await resolveTerms(terms, input.target, codes, path);
            checkTerms(resolved, codes, path);
            return {
              key,
              terms: resolved,
              shares: baseShares(resolved.split, codes),
              table: benefitTable(resolved, parties),
              issues: [],
            };
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error;
            return { key, terms: null, shares: null, table: null, issues: error.issues };
          }
        }),
      );
      return { parties, scenarios };
    },

    /** propose, counter, accept, reject or withdraw at the version read. */
    async actOnProposal(
      user: SessionUser,
      id: string,
      action: Exclude<ProposalAction, 'create'>,
      input: ActionInput,
    ): Promise<ProposalView> {
      const district = actingDistrict(user, input.actingFor);
      let terms: Terms | undefined;
      if (action === 'counter') {
        if (!input.terms) {
          throw new ValidationError('A counter needs new terms', [
            { path: 'body.terms', message: 'required' },
          ]);
        }
        const current = await store.getProposal(id);
        if (!current) throw new NotFoundError('Proposal', id);
        if (!current.parties.some((p) => p.code === district)) {
          throw new ForbiddenError(
            `District ${district} is not a party to proposal ${id} and may not act on it`,
          );
        }
        const codes = current.parties.map((p) => p.code);
        checkTerms(input.terms, codes, 'body.terms');
        const target: ProposalTarget = { kind: current.targetKind, id: current.targetId };
        terms = await resolveTerms(input.terms, target, codes, 'body.terms');
        checkTerms(terms, codes, 'body.terms');
      }
      const now = clock();
      const changed = await store.changeProposal({
        id,
        action,
        actingFor: district,
        actor: user.username,
        version: input.version,
        terms,
        expiresAt: action === 'counter' || action === 'propose' ? expiry(now, input.validDays) : undefined,
        note: input.note,
        now,
        agreementId: randomUUID(),
      });
      return viewOf(changed, now, user);
    },
  };
}

export type ProposalService = ReturnType<typeof createProposalService>;
