import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError } from '../errors.ts';
import {
  availableActions,
  decide,
  effectiveState,
  type ProposalSnapshot,
  partyIssues,
} from './proposal-lifecycle.ts';

const now = new Date('2027-01-10T00:00:00Z');
const proposal: ProposalSnapshot = {
  id: 'p1',
  state: 'proposed',
  version: 3,
  initiator: '510116',
  parties: [
    { code: '510116', role: 'host' },
    { code: 'zone-chengdu-hi-tech', role: 'partner' },
  ],
  acceptedBy: ['510116'],
  expiresAt: '2027-02-01T00:00:00Z',
};

describe('proposal life cycle', () => {
  it('accepting by the last party makes the agreement', () => {
    expect(decide(proposal, 'accept', 'zone-chengdu-hi-tech', 3, now)).toEqual({
      toState: 'accepted',
      acceptedBy: ['510116', 'zone-chengdu-hi-tech'],
      agreement: true,
    });
  });

  it('a counter puts new terms on the table accepted only by the one who made it', () => {
    expect(decide(proposal, 'counter', 'zone-chengdu-hi-tech', 3, now)).toEqual({
      toState: 'countered',
      acceptedBy: ['zone-chengdu-hi-tech'],
      agreement: false,
    });
  });

  it('refuses a district that is not a party, a stale version, and actions a state does not allow', () => {
    expect(() => decide(proposal, 'accept', '510107', 3, now)).toThrow(ForbiddenError);
    expect(() => decide(proposal, 'accept', 'zone-chengdu-hi-tech', 2, now)).toThrow(ConflictError);
    expect(() => decide(proposal, 'accept', '510116', 3, now)).toThrow(/already accepted/);
    expect(() => decide({ ...proposal, state: 'accepted' }, 'counter', '510116', 3, now)).toThrow(/accepted/);
    expect(() => decide(proposal, 'withdraw', 'zone-chengdu-hi-tech', 3, now)).toThrow(ForbiddenError);
    expect(decide(proposal, 'withdraw', '510116', 3, now).toState).toBe('withdrawn');
    expect(decide(proposal, 'reject', 'zone-chengdu-hi-tech', 3, now).toState).toBe('rejected');
  });

  it('an open proposal past its deadline is expired and takes no more actions', () => {
    const late = new Date('2027-03-01T00:00:00Z');
    expect(effectiveState(proposal, late)).toBe('expired');
    expect(effectiveState({ ...proposal, state: 'accepted' }, late)).toBe('accepted');
    expect(() => decide(proposal, 'accept', 'zone-chengdu-hi-tech', 3, late)).toThrow(/expired/);
  });

  it('a draft is proposed by its initiator only', () => {
    const draft = { ...proposal, state: 'draft' as const, acceptedBy: [] };
    expect(decide(draft, 'propose', '510116', 3, now).toState).toBe('proposed');
    expect(() => decide(draft, 'propose', 'zone-chengdu-hi-tech', 3, now)).toThrow(ForbiddenError);
    expect(() => decide(draft, 'accept', 'zone-chengdu-hi-tech', 3, now)).toThrow(/draft/);
  });

  it('checks the parties of a coalition', () => {
    expect(partyIssues([{ code: '510116', role: 'host' }], 'body.parties')[0]?.message).toMatch(/at least 2/);
    const paths = partyIssues(
      [
        { code: '510116', role: 'partner' },
        { code: '510116', role: 'partner' },
      ],
      'body.parties',
    ).map((i) => i.path);
    expect(paths).toEqual(['body.parties.1.code', 'body.parties']);
  });

  it('lists the actions each party may take now, as decide would allow them', () => {
    expect(availableActions(proposal, 'zone-chengdu-hi-tech', now)).toEqual(['counter', 'accept', 'reject']);
    expect(availableActions(proposal, '510116', now)).toEqual(['counter', 'reject', 'withdraw']);
    expect(availableActions({ ...proposal, state: 'draft', acceptedBy: [] }, '510116', now)).toEqual([
      'propose',
      'withdraw',
    ]);
    expect(availableActions(proposal, '510107', now)).toEqual([]);
    expect(availableActions({ ...proposal, state: 'accepted' }, '510116', now)).toEqual([]);
    expect(availableActions(proposal, '510116', new Date('2027-03-01T00:00:00Z'))).toEqual([]);
  });
});
