import { ConflictError, type FieldIssue, ForbiddenError } from '../errors.ts';

/**
 * The life of a joint-attraction proposal:
 *
 *   draft ─propose→ proposed ⇄ countered ─(every party accepted the current terms)→ accepted (+ Agreement)
 *   draft | proposed | countered ─withdraw (initiator)→ withdrawn
 *   proposed | countered ─reject (any party)→ rejected
 *   an open proposal past its `expiresAt` reads as expired and takes no more actions.
 *
 * Whoever puts terms on the table (propose, counter) accepts them by doing so; a counter resets every other
 * party's acceptance. Pure: the repository reads the proposal under a lock, asks `decide`, and writes.
 */

export const proposalStates = [
  'draft',
  'proposed',
  'countered',
  'accepted',
  'rejected',
  'withdrawn',
  'expired',
] as const;
export type ProposalState = (typeof proposalStates)[number];

export const proposalActions = ['create', 'propose', 'counter', 'accept', 'reject', 'withdraw'] as const;
export type ProposalAction = (typeof proposalActions)[number];

export const partyRoles = ['host', 'partner', 'coordinator'] as const;
export type PartyRole = (typeof partyRoles)[number];

export const proposalRules = {
  minParties: 2,
  maxParties: 4,
  /** Days an open proposal waits for an answer after its last proposal or counter. */
  defaultValidDays: 30,
  maxValidDays: 365,
} as const;

const openStates: readonly ProposalState[] = ['draft', 'proposed', 'countered'];

export interface ProposalSnapshot {
  id: string;
  state: ProposalState;
  version: number;
  initiator: string;
  parties: { code: string; role: PartyRole }[];
  acceptedBy: string[];
  expiresAt: string;
}

export interface Decision {
  toState: ProposalState;
  acceptedBy: string[];
  /** All parties have accepted: the agreement is made. */
  agreement: boolean;
}

export function isOpen(state: ProposalState): boolean {
  return openStates.includes(state);
}

/** The state a reader sees: an open proposal past its deadline is expired. */
export function effectiveState(p: Pick<ProposalSnapshot, 'state' | 'expiresAt'>, now: Date): ProposalState {
  return isOpen(p.state) && Date.parse(p.expiresAt) <= now.getTime() ? 'expired' : p.state;
}

/** Parties are 2–4 distinct districts with exactly one host and at most one coordinator. */
export function partyIssues(
  parties: readonly { code: string; role: PartyRole }[],
  path: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (parties.length < proposalRules.minParties) {
    issues.push({
      path,
      message: `a coalition needs at least ${proposalRules.minParties} districts; this one has ${parties.length}`,
    });
  }
  if (parties.length > proposalRules.maxParties) {
    issues.push({ path, message: `at most ${proposalRules.maxParties} districts may be parties` });
  }
  const seen = new Set<string>();
  parties.forEach((p, i) => {
    if (seen.has(p.code)) issues.push({ path: `${path}.${i}.code`, message: `${p.code} is listed twice` });
    seen.add(p.code);
  });
  const hosts = parties.filter((p) => p.role === 'host').length;
  if (hosts !== 1) issues.push({ path, message: `exactly one party must be the host; ${hosts} are` });
  if (parties.filter((p) => p.role === 'coordinator').length > 1) {
    issues.push({ path, message: 'at most one party may be the coordinator' });
  }
  return issues;
}

/** Throws unless `district` is a party. */
export function assertParty(p: Pick<ProposalSnapshot, 'id' | 'parties'>, district: string): void {
  if (!p.parties.some((party) => party.code === district)) {
    throw new ForbiddenError(`District ${district} is not a party to proposal ${p.id} and may not act on it`);
  }
}

/** What `action` by `district` at `version` does to the proposal, or why it may not. */
export function decide(
  p: ProposalSnapshot,
  action: Exclude<ProposalAction, 'create'>,
  district: string,
  version: number,
  now: Date,
): Decision {
  assertParty(p, district);
  if (version !== p.version) {
    throw new ConflictError(
      `Proposal ${p.id} changed since version ${version} (it is at version ${p.version}); read it again`,
      { currentVersion: p.version, yourVersion: version },
    );
  }
  const state = effectiveState(p, now);
  const refuse = (why: string): never => {
    throw new ConflictError(`Cannot ${action} proposal ${p.id}: ${why}`, { state, action });
  };
  if (!isOpen(state)) refuse(`it is ${state}`);
  const everyone = p.parties.map((party) => party.code);
  switch (action) {
    case 'propose':
      if (state !== 'draft') refuse(`it is ${state}, not a draft`);
      if (district !== p.initiator) {
        throw new ForbiddenError(`Only the initiating district ${p.initiator} may propose draft ${p.id}`);
      }
      return { toState: 'proposed', acceptedBy: [district], agreement: false };
    case 'counter':
      if (state === 'draft') refuse('it is still a draft; propose it first');
      return { toState: 'countered', acceptedBy: [district], agreement: false };
    case 'accept': {
      if (state === 'draft') refuse('it is still a draft');
      if (p.acceptedBy.includes(district)) refuse(`district ${district} has already accepted these terms`);
      const acceptedBy = [...p.acceptedBy, district].sort();
      const agreement = everyone.every((code) => acceptedBy.includes(code));
      return { toState: agreement ? 'accepted' : state, acceptedBy, agreement };
    }
    case 'reject':
      if (state === 'draft') refuse('it is still a draft');
      return { toState: 'rejected', acceptedBy: p.acceptedBy, agreement: false };
    case 'withdraw':
      if (district !== p.initiator) {
        throw new ForbiddenError(
          `Only the initiating district ${p.initiator} may withdraw proposal ${p.id}; other parties may reject it`,
        );
      }
      return { toState: 'withdrawn', acceptedBy: p.acceptedBy, agreement: false };
  }
}

const userActions = ['propose', 'counter', 'accept', 'reject', 'withdraw'] as const;

/**
 * What `district` may do to the proposal now, at its current version: the same rules as `decide`, asked for
 * every action, so a client offers only the buttons the API would accept.
 */
export function availableActions(
  p: ProposalSnapshot,
  district: string,
  now: Date,
): Exclude<ProposalAction, 'create'>[] {
  return userActions.filter((action) => {
    try {
      decide(p, action, district, p.version, now);
      return true;
    } catch (error) {
      if (error instanceof ConflictError || error instanceof ForbiddenError) return false;
      throw error;
    }
  });
}
