import { z } from 'zod';
import {
  hasReached,
  type MilestoneStage,
  milestoneStages,
  type ProjectStage,
  stageLabels,
  stageProgress,
} from './project-lifecycle.ts';

/**
 * Early warning: rules that flag projects, evaluated as pure functions over a project's facts and a given
 * "today". The repository stores the rules, feeds the facts and persists what fires (see docs/projects.md).
 */

export const alertSeverities = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof alertSeverities)[number];

export const alertRuleKinds = ['stale', 'milestone_overdue', 'investment_behind', 'land_unused'] as const;
export type AlertRuleKind = (typeof alertRuleKinds)[number];

const days = z.number().int().min(0).max(3650);

/** Each kind's parameters; `criticalAfterDays` raises a rule's severity to critical after that long. */
export const ruleParamsSchemas = {
  /** No update (move, edit, import) for `days` days. */
  stale: z.strictObject({ days: days.min(1), criticalAfterDays: days.optional() }),
  /** A planned milestone passed `graceDays` ago and the project has not reached it. */
  milestone_overdue: z.strictObject({ graceDays: days, criticalAfterDays: days.optional() }),
  /**
   * Investment in place below `minRatio` of plan once the project has been under construction for
   * `graceDays` (counted from its actual start, else its planned start).
   */
  investment_behind: z.strictObject({
    minRatio: z.number().min(0).max(1),
    graceDays: days,
    criticalBelowRatio: z.number().min(0).max(1).optional(),
  }),
  /** Land supplied to the project (parcel status `supplied_unused`) and not built on for `days` days. */
  land_unused: z.strictObject({ days, criticalAfterDays: days.optional() }),
} as const;

export const alertRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stale'), params: ruleParamsSchemas.stale }),
  z.object({ kind: z.literal('milestone_overdue'), params: ruleParamsSchemas.milestone_overdue }),
  z.object({ kind: z.literal('investment_behind'), params: ruleParamsSchemas.investment_behind }),
  z.object({ kind: z.literal('land_unused'), params: ruleParamsSchemas.land_unused }),
]);

const ruleBaseSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1).max(100),
  enabled: z.boolean(),
  severity: z.enum(alertSeverities),
});

export type AlertRule = z.infer<typeof ruleBaseSchema> & z.infer<typeof alertRuleSchema>;

export function parseAlertRule(value: unknown): z.ZodSafeParseResult<AlertRule> {
  return ruleBaseSchema.and(alertRuleSchema).safeParse(value);
}

/** The rules a fresh graph starts with (the migration writes the same). */
export const defaultAlertRules: AlertRule[] = [
  {
    id: 'stale',
    name: '长期未更新',
    kind: 'stale',
    enabled: true,
    severity: 'warning',
    params: { days: 60, criticalAfterDays: 120 },
  },
  {
    id: 'milestone-overdue',
    name: '节点逾期',
    kind: 'milestone_overdue',
    enabled: true,
    severity: 'warning',
    params: { graceDays: 0, criticalAfterDays: 90 },
  },
  {
    id: 'investment-behind',
    name: '投资到位滞后',
    kind: 'investment_behind',
    enabled: true,
    severity: 'warning',
    params: { minRatio: 0.3, graceDays: 180, criticalBelowRatio: 0.1 },
  },
  {
    id: 'land-unused',
    name: '供而未用',
    kind: 'land_unused',
    enabled: true,
    severity: 'warning',
    params: { days: 180, criticalAfterDays: 365 },
  },
];

/** What the rules look at, read from the graph for one project. Dates are `YYYY-MM-DD`. */
export interface ProjectFacts {
  id: string;
  name: string;
  stage: ProjectStage;
  /** Day of the last recorded change to the project. */
  lastUpdate: string;
  planned: Partial<Record<MilestoneStage, string | null>>;
  actual: Partial<Record<MilestoneStage, string | null>>;
  investmentPlannedYi: number | null;
  investmentInPlaceYi: number | null;
  land: { parcelId: string; status: string; suppliedOn: string | null } | null;
}

export interface AlertFinding {
  ruleId: string;
  projectId: string;
  /** Stable key: a finding of the same rule on the same project is the same alert. */
  key: string;
  severity: AlertSeverity;
  message: string;
  /** The figures the message is made of, for the UI. */
  facts: Record<string, string | number | null>;
}

const dayMs = 86_400_000;

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

const live = (stage: ProjectStage) => stage !== 'terminated' && stage !== 'effective';

const escalate = (base: AlertSeverity, critical: boolean): AlertSeverity => (critical ? 'critical' : base);

export const alertKeyOf = (ruleId: string, projectId: string) => `${ruleId}:${projectId}`;

/** Every finding of one rule on one project (none or one). */
export function evaluateRule(rule: AlertRule, project: ProjectFacts, today: string): AlertFinding | null {
  if (!rule.enabled || !live(project.stage)) return null;
  const finding = (critical: boolean, message: string, facts: AlertFinding['facts']): AlertFinding => ({
    ruleId: rule.id,
    projectId: project.id,
    key: alertKeyOf(rule.id, project.id),
    severity: escalate(rule.severity, critical),
    message,
    facts,
  });

  switch (rule.kind) {
    case 'stale': {
      if (project.stage === 'suspended') return null;
      const idle = daysBetween(project.lastUpdate, today);
      if (idle < rule.params.days) return null;
      const critical = rule.params.criticalAfterDays !== undefined && idle >= rule.params.criticalAfterDays;
      return finding(critical, `${idle} 天未更新（阈值 ${rule.params.days} 天）`, {
        lastUpdate: project.lastUpdate,
        idleDays: idle,
        thresholdDays: rule.params.days,
      });
    }
    case 'milestone_overdue': {
      if (project.stage === 'suspended') return null;
      // The earliest milestone not reached whose planned day passed more than the grace ago.
      for (const milestone of milestoneStages) {
        const planned = project.planned[milestone] ?? null;
        if (planned === null || hasReached(project.stage, milestone)) continue;
        if ((project.actual[milestone] ?? null) !== null) continue;
        const late = daysBetween(planned, today);
        if (late <= rule.params.graceDays) continue;
        const critical = rule.params.criticalAfterDays !== undefined && late >= rule.params.criticalAfterDays;
        return finding(critical, `计划${stageLabels[milestone].zh}日期 ${planned} 已逾期 ${late} 天`, {
          milestone,
          planned,
          overdueDays: late,
        });
      }
      return null;
    }
    case 'investment_behind': {
      const planned = project.investmentPlannedYi;
      if (planned === null || planned <= 0 || stageProgress(project.stage) < stageProgress('started')) {
        return null;
      }
      const since = project.actual.started ?? project.planned.started ?? null;
      if (since === null || daysBetween(since, today) < rule.params.graceDays) return null;
      const inPlace = project.investmentInPlaceYi ?? 0;
      const ratio = inPlace / planned;
      if (ratio >= rule.params.minRatio) return null;
      const critical = rule.params.criticalBelowRatio !== undefined && ratio < rule.params.criticalBelowRatio;
      return finding(
        critical,
        `开工 ${daysBetween(since, today)} 天，投资到位 ${round2(inPlace)} / ${round2(planned)} 亿元（${Math.round(ratio * 100)}%，低于 ${Math.round(rule.params.minRatio * 100)}%）`,
        { investmentInPlaceYi: inPlace, investmentPlannedYi: planned, ratio: round2(ratio), since },
      );
    }
    case 'land_unused': {
      const land = project.land;
      if (land === null || land.status !== 'supplied_unused') return null;
      if (hasReached(project.stage, 'started')) return null;
      const idle = land.suppliedOn === null ? null : daysBetween(land.suppliedOn, today);
      if (idle !== null && idle < rule.params.days) return null;
      const critical =
        idle !== null && rule.params.criticalAfterDays !== undefined && idle >= rule.params.criticalAfterDays;
      return finding(
        critical,
        idle === null
          ? `地块 ${land.parcelId} 已供地未开工（供地日期不详）`
          : `地块 ${land.parcelId} 供地 ${idle} 天仍未开工`,
        { parcelId: land.parcelId, suppliedOn: land.suppliedOn, idleDays: idle },
      );
    }
  }
}

/** Every finding of every enabled rule on every project, in project then rule order. */
export function evaluateAlerts(
  rules: readonly AlertRule[],
  projects: readonly ProjectFacts[],
  today: string,
): AlertFinding[] {
  return projects.flatMap((p) =>
    rules.flatMap((r) => {
      const f = evaluateRule(r, p, today);
      return f === null ? [] : [f];
    }),
  );
}

const round2 = (n: number) => Math.round(n * 100) / 100;
