import { type AlertRule, evaluateAlerts, type ProjectFacts } from './alert-rules.ts';
import {
  type DistrictInputs,
  type DistrictRanking,
  marksPerEnd,
  metricLabels,
  type Period,
  parsePeriod,
  rankDistricts,
  rankingWeights,
} from './district-ranking.ts';

/** What the project use cases read and write; implemented by the project and alert repositories. */
export interface ProjectFactsSource {
  readFacts(): Promise<ProjectFacts[]>;
  rankingInputs(period: Period, asOf: string): Promise<DistrictInputs[]>;
}

export interface AlertStore {
  listRules(): Promise<{ rule: AlertRule }[]>;
  sync(findings: ReturnType<typeof evaluateAlerts>, today: string): Promise<void>;
}

export interface RankingResult {
  period: string;
  from: string;
  to: string;
  asOf: string;
  weights: Record<string, number>;
  marksPerEnd: number;
  items: (Omit<DistrictRanking, 'metrics'> & {
    metrics: (DistrictRanking['metrics'][number] & { label: { zh: string; en: string }; unit: string })[];
  })[];
}

/**
 * The use cases that span projects and alerts: evaluating the rules (then persisting what fires) and the
 * red/black list, which counts alerts and so evaluates them first.
 */
export function createProjectService(projects: ProjectFactsSource, alerts: AlertStore, today: () => string) {
  const refreshAlerts = async (): Promise<string> => {
    const day = today();
    const [rules, facts] = await Promise.all([alerts.listRules(), projects.readFacts()]);
    await alerts.sync(
      evaluateAlerts(
        rules.map((r) => r.rule),
        facts,
        day,
      ),
      day,
    );
    return day;
  };

  return {
    refreshAlerts,

    async ranking(periodText: string): Promise<RankingResult> {
      const period = parsePeriod(periodText);
      const day = await refreshAlerts();
      const asOf = period.to < day ? period.to : day;
      const ranked = rankDistricts(await projects.rankingInputs(period, asOf));
      return {
        period: period.label,
        from: period.from,
        to: period.to,
        asOf,
        weights: { ...rankingWeights },
        marksPerEnd: marksPerEnd(ranked.filter((r) => r.score !== null).length),
        items: ranked.map((r) => ({
          ...r,
          metrics: r.metrics.map((m) => ({
            ...m,
            label: { zh: metricLabels[m.key].zh, en: metricLabels[m.key].en },
            unit: metricLabels[m.key].unit,
          })),
        })),
      };
    },
  };
}
