import { formatCount, useLanguage } from '../../lib/i18n.ts';
import type { ChartRow } from './share-scenarios.ts';

const palette = ['#1f5f9e', '#2f8f83', '#e07b00', '#7a5cb8', '#b3433a'];

interface ShareChartProps {
  rows: ChartRow[];
  /** Beneficiaries in a fixed order, so each keeps its colour across rows. */
  beneficiaries: { code: string; name: string }[];
  ruleLabel: (key: string) => string;
  failedLabel: string;
  label: string;
  selectedKey: string;
  onSelect: (key: string) => void;
}

const labelWidth = 120;
const barWidth = 520;
const rowHeight = 34;
const barHeight = 20;

/** One stacked bar per sharing rule, scaled to the largest total, so rules compare at a glance. */
export function ShareChart(props: ShareChartProps) {
  const language = useLanguage();
  const max = Math.max(1, ...props.rows.map((r) => r.total));
  const colour = (code: string) =>
    palette[props.beneficiaries.findIndex((b) => b.code === code) % palette.length] ?? palette[0];
  const height = props.rows.length * rowHeight + 8;

  return (
    <figure className="joint-chart" data-testid="share-chart">
      <svg
        viewBox={`0 0 ${labelWidth + barWidth + 110} ${height}`}
        role="img"
        aria-label={props.label}
        className="joint-chart-svg"
      >
        {props.rows.map((row, index) => {
          const y = index * rowHeight + 6;
          let x = labelWidth;
          const selected = row.key === props.selectedKey;
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; it is keyboard-usable.
            <g
              key={row.key}
              role="button"
              tabIndex={0}
              className={selected ? 'joint-chart-row is-selected' : 'joint-chart-row'}
              onClick={() => props.onSelect(row.key)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') props.onSelect(row.key);
              }}
              data-testid={`chart-row-${row.key}`}
            >
              <rect
                x={0}
                y={y - 4}
                width={labelWidth + barWidth + 110}
                height={rowHeight - 2}
                rx={4}
                className="joint-chart-hit"
              />
              <text
                x={labelWidth - 10}
                y={y + barHeight / 2 + 5}
                textAnchor="end"
                className="joint-chart-label"
              >
                {props.ruleLabel(row.key)}
              </text>
              {row.problems.length > 0 ? (
                <text x={labelWidth} y={y + barHeight / 2 + 5} className="joint-chart-failed">
                  {props.failedLabel}
                  {row.problems[0]}
                </text>
              ) : (
                <>
                  {row.segments.map((segment) => {
                    const width = (segment.value / max) * barWidth;
                    const rect = (
                      <rect
                        key={segment.code}
                        x={x}
                        y={y}
                        width={Math.max(0, width)}
                        height={barHeight}
                        fill={colour(segment.code)}
                      >
                        <title>{`${segment.name}: ${formatCount(language, segment.value)} (${(segment.fraction * 100).toFixed(1)}%)`}</title>
                      </rect>
                    );
                    const text =
                      width > 44 ? (
                        <text
                          key={`${segment.code}-label`}
                          x={x + width / 2}
                          y={y + barHeight / 2 + 4}
                          textAnchor="middle"
                          className="joint-chart-segment"
                        >
                          {`${(segment.fraction * 100).toFixed(1)}%`}
                        </text>
                      ) : null;
                    x += width;
                    return [rect, text];
                  })}
                  <text x={x + 8} y={y + barHeight / 2 + 5} className="joint-chart-total">
                    {formatCount(language, Math.round(row.total))}
                  </text>
                </>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="joint-legend">
        {props.beneficiaries.map((b) => (
          <span key={b.code}>
            <span className="joint-legend-swatch" style={{ background: colour(b.code) }} />
            {b.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
