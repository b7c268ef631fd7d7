import { ConflictError } from '../errors.ts';
import type { AlertFinding, AlertSeverity } from './alert-rules.ts';

/**
 * How findings of an evaluation become persisted alerts. An alert is one per rule and project (its key
 * `rule:project`), so acknowledging, assigning and resolving survive every later evaluation. `status` is
 * what people did (`open` → `acknowledged` → `resolved`, or `cleared` when the condition went away by itself);
 * `active` is whether the rule's condition holds at the last evaluation.
 */

export type AlertStatus = 'open' | 'acknowledged' | 'resolved' | 'cleared';

export interface StoredAlertState {
  id: string;
  status: AlertStatus;
  active: boolean;
}

export interface AlertUpsert {
  finding: AlertFinding;
  status: AlertStatus;
  /** What the evaluation itself did to the alert, recorded in its history. */
  transition: 'raised' | 'reopened' | null;
}

export interface AlertClear {
  id: string;
  status: AlertStatus;
  transition: 'cleared' | null;
}

export interface AlertSyncPlan {
  upserts: AlertUpsert[];
  clears: AlertClear[];
}

/**
 * New findings are raised as open. A finding on an alert whose condition had gone (cleared, or resolved and
 * since gone) is a new occurrence: reopened. A resolved alert whose condition still holds stays resolved: the
 * people handling it said what they did. An alert that no longer fires is cleared unless already resolved.
 */
export function planAlertSync(
  stored: readonly StoredAlertState[],
  findings: readonly AlertFinding[],
): AlertSyncPlan {
  const byId = new Map(stored.map((a) => [a.id, a]));
  const firing = new Set(findings.map((f) => f.key));
  const upserts = findings.map((finding): AlertUpsert => {
    const before = byId.get(finding.key);
    if (before === undefined) return { finding, status: 'open', transition: 'raised' };
    if (!before.active) return { finding, status: 'open', transition: 'reopened' };
    return { finding, status: before.status, transition: null };
  });
  const clears = stored
    .filter((a) => a.active && !firing.has(a.id))
    .map(
      (a): AlertClear =>
        a.status === 'resolved'
          ? { id: a.id, status: 'resolved', transition: null }
          : { id: a.id, status: 'cleared', transition: 'cleared' },
    );
  return { upserts, clears };
}

export type AlertAction = 'acknowledge' | 'assign' | 'resolve';

/** The status after a person's action; acting on a resolved or cleared alert is a conflict. */
export function decideAlertAction(
  alert: { id: string; status: AlertStatus },
  action: AlertAction,
): AlertStatus {
  if (alert.status === 'resolved' || alert.status === 'cleared') {
    throw new ConflictError(`Alert ${alert.id} is ${alert.status}: there is nothing left to ${action}`, {
      alertId: alert.id,
      status: alert.status,
      allowed: [],
    });
  }
  if (action === 'resolve') return 'resolved';
  if (action === 'acknowledge') return 'acknowledged';
  // Assigning someone means it is being handled: an open alert becomes acknowledged.
  return 'acknowledged';
}

export const severityOrder: Record<AlertSeverity, number> = { critical: 0, warning: 1, info: 2 };
