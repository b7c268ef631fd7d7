import type { Ranking } from '../../../../api/src/http/schemas/project.schemas.ts';
import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { formatCount, useLanguage, useMessages } from '../../lib/i18n.ts';
import { href, type PageProps } from '../../lib/routes.ts';
import { useRanking } from './api/get-ranking.ts';
import { formatNumber, formatPercent, pickLabel, queryChoice, queryYear } from './format.ts';
import { projectsMessages } from './projects.messages.ts';
import { FilterBar, FilterSelect } from './projects-filters.tsx';
import { type RankingMetric, toPeriod, toRatioBar, toScoreBars } from './ranking-bars.ts';
import './projects.css';

const quarters = ['Q1', 'Q2', 'Q3', 'Q4'] as const;

export function RankingsPage({ query }: PageProps<'rankings'>) {
  const m = useMessages(projectsMessages);
  const thisYear = new Date().getFullYear();
  const chosenYear = queryYear(query.get('year'));
  const year = typeof chosenYear === 'number' ? chosenYear : thisYear;
  const part = queryChoice(quarters, query.get('period'));
  const ranking = useRanking(toPeriod(year, part));
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2];
  if (!years.includes(year)) years.push(year);

  return (
    <section className="page projects-page rankings-page" aria-labelledby="rankings-title">
      <header className="page-header">
        <h1 id="rankings-title">{m.rankingsTitle}</h1>
        <p className="page-intro">{m.rankingsIntro}</p>
      </header>
      <FilterBar>
        <FilterSelect
          name="year"
          label={m.year}
          value={String(year)}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <FilterSelect
          name="period"
          label={m.period}
          value={part ?? ''}
          allLabel={m.wholeYear}
          options={quarters.map((q) => ({ value: q, label: m.quarter(q.slice(1)) }))}
        />
      </FilterBar>
      {ranking.status === 'loading' && <LoadingNotice label={m.loadingRanking} />}
      {ranking.status === 'error' && <ErrorNotice error={ranking.error} onRetry={ranking.retry} />}
      {ranking.status === 'success' && <RankingView ranking={ranking.data} />}
    </section>
  );
}

function RankingView({ ranking }: { ranking: Ranking }) {
  const m = useMessages(projectsMessages);
  const language = useLanguage();
  if (ranking.items.length === 0) return <p className="notice">{m.noRanking}</p>;
  const metricKeys = ranking.items[0]?.metrics ?? [];
  const weights = metricKeys
    .map((metric) => `${pickLabel(language, metric.label)} ${formatNumber(language, metric.weight)}`)
    .join(language === 'en' ? ', ' : '，');
  return (
    <>
      <p className="page-summary">
        {m.rankingRange(ranking.from, ranking.to, ranking.asOf)}
        <br />
        <span className="projects-muted">
          {m.weightsLine(weights)} {m.marksLine(formatCount(language, ranking.marksPerEnd))}
        </span>
      </p>
      <ScoreChart ranking={ranking} />
      <div className="projects-table-wrap">
        <table className="projects-table rankings-table" data-testid="ranking-table">
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {m.rank}
              </th>
              <th scope="col">{m.district}</th>
              <th scope="col">{m.mark}</th>
              <th scope="col" className="numeric">
                {m.score}
              </th>
              <th scope="col" className="numeric">
                {m.projects}
              </th>
              {metricKeys.map((metric) => (
                <th key={metric.key} scope="col">
                  {pickLabel(language, metric.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ranking.items.map((item) => (
              <tr
                key={item.districtCode}
                className={item.mark === null ? undefined : `rankings-row-${item.mark}`}
                data-testid={`ranking-row-${item.districtCode}`}
              >
                <td className="numeric">{item.rank ?? m.unknown}</td>
                <td>
                  <a href={href('district', { districtCode: item.districtCode })}>{item.districtName}</a>
                </td>
                <td>
                  {item.mark !== null && (
                    <span className={`badge rankings-mark-${item.mark}`}>
                      {item.mark === 'red' ? m.red : m.black}
                    </span>
                  )}
                </td>
                <td className="numeric">
                  {item.score === null ? m.noScore : formatNumber(language, item.score, 4)}
                </td>
                <td className="numeric">{formatCount(language, item.projects)}</td>
                {item.metrics.map((metric) => (
                  <td key={metric.key} data-testid={`ranking-${item.districtCode}-${metric.key}`}>
                    <MetricCell metric={metric} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

const cellBarWidth = 90;

/** A metric's value as a small bar, with the numerator and denominator it comes from. */
function MetricCell({ metric }: { metric: RankingMetric }) {
  const m = useMessages(projectsMessages);
  const language = useLanguage();
  const bar = toRatioBar(metric, cellBarWidth);
  const digits = metric.unit === 'projects' || metric.unit === 'alerts' ? 0 : 2;
  const inputs = m.ratio(
    formatNumber(language, metric.numerator, digits),
    formatNumber(language, metric.denominator, digits),
  );
  return (
    <div className="rankings-metric">
      <svg width={cellBarWidth} height="10" aria-hidden="true" className="rankings-metric-bar">
        <rect x="0" y="0" width={cellBarWidth} height="10" rx="2" className="rankings-bar-track" />
        {bar.measured && (
          <rect x="0" y="0" width={bar.filled} height="10" rx="2" className="rankings-bar-fill" />
        )}
      </svg>
      <span className="rankings-metric-value">
        {metric.value === null ? m.notMeasured : formatPercent(language, metric.value)}
      </span>
      <span className="projects-muted rankings-metric-inputs" data-testid="metric-inputs">
        {inputs} {m.unitLabel(metric.unit)}
      </span>
    </div>
  );
}

const chart = { labelWidth: 200, barWidth: 420, valueWidth: 70, rowHeight: 26 };

/** The districts' scores as horizontal bars, red and black marked. */
function ScoreChart({ ranking }: { ranking: Ranking }) {
  const m = useMessages(projectsMessages);
  const language = useLanguage();
  const bars = toScoreBars(ranking.items, { width: chart.barWidth, rowHeight: chart.rowHeight });
  const width = chart.labelWidth + chart.barWidth + chart.valueWidth;
  const height = bars.length * chart.rowHeight + 4;
  return (
    <figure className="projects-box rankings-chart">
      <figcaption>{m.scoreChart}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width }}
        role="img"
        aria-label={m.scoreChartLabel}
        data-testid="score-chart"
      >
        {bars.map((bar) => (
          <g key={bar.districtCode} transform={`translate(0 ${bar.y + 2})`}>
            <text
              x={chart.labelWidth - 8}
              y={chart.rowHeight / 2}
              textAnchor="end"
              dominantBaseline="middle"
              className="rankings-chart-label"
            >
              {bar.rank === null ? '' : `${bar.rank}. `}
              {bar.districtName}
            </text>
            <rect
              x={chart.labelWidth}
              y={4}
              width={Math.max(bar.width, bar.score === null ? 0 : 1)}
              height={chart.rowHeight - 8}
              rx="3"
              className={`rankings-bar rankings-bar-${bar.mark ?? 'plain'}`}
            />
            <text
              x={chart.labelWidth + bar.width + 6}
              y={chart.rowHeight / 2}
              dominantBaseline="middle"
              className="rankings-chart-value"
            >
              {bar.score === null ? m.noScore : formatNumber(language, bar.score, 3)}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
