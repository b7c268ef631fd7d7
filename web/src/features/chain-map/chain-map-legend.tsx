import { formatCount, useLanguage, useMessages } from '../../lib/i18n.ts';
import { chainMapMessages, gapClassName } from './chain-map.messages.ts';
import {
  crossFeedColour,
  feedColour,
  foreignColours,
  gapColours,
  leaderBorderColour,
  levelColours,
  staleBorderColour,
} from './chain-map-style.ts';
import type { CountScale } from './count-scale.ts';
import type { GapClass } from './to-elements.ts';

const gapOrder: readonly GapClass[] = ['strong', 'weak', 'missing'];

interface ChainMapLegendProps {
  scale: CountScale;
  /** Links per gap class when the map is coloured by the gap analysis; null when coloured by count. */
  gapSummary: Record<GapClass, number> | null;
}

export function ChainMapLegend({ scale, gapSummary }: ChainMapLegendProps) {
  const m = useMessages(chainMapMessages);
  const language = useLanguage();
  const count = (n: number) => formatCount(language, n);

  return (
    <aside className="legend" data-testid="chain-map-legend" aria-label={m.legendTitle}>
      {gapSummary ? (
        <>
          <p className="legend-title">{m.legendGapTitle}</p>
          <ul className="legend-list" data-testid="chain-map-gap-legend">
            {gapOrder.map((gapClass) => (
              <li key={gapClass} data-gap={gapClass}>
                <span
                  className="legend-swatch"
                  style={{ background: gapColours[gapClass].fill, borderColor: gapColours[gapClass].border }}
                  aria-hidden="true"
                />
                {gapClassName(m, gapClass)}
                <span className="chain-map-legend-count">{count(gapSummary[gapClass])}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <p className="legend-title">{m.legendTitle}</p>
          <ul className="legend-list">
            {scale.levels.map((level) => {
              const colour = levelColours[level.level] ?? levelColours[0];
              const text =
                level.level === 0
                  ? m.legendNone
                  : level.max === null
                    ? m.legendOpen(count(level.min))
                    : m.legendRange(count(level.min), count(level.max));
              return (
                <li key={level.level} data-level={level.level}>
                  <span
                    className="legend-swatch"
                    style={{ background: colour?.fill, borderColor: colour?.border }}
                    aria-hidden="true"
                  />
                  {text}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <ul className="legend-list legend-list-shapes">
        {gapSummary && (
          <li>
            <span
              className="legend-swatch chain-map-legend-leader"
              style={{ borderColor: leaderBorderColour }}
              aria-hidden="true"
            />
            {m.legendLeader}
          </li>
        )}
        <li>
          <span
            className="legend-swatch chain-map-legend-stale"
            style={{ borderColor: staleBorderColour }}
            aria-hidden="true"
          />
          {m.legendStale}
        </li>
        <li>
          <span
            className="legend-swatch legend-swatch-dashed"
            style={{ background: foreignColours.fill, borderColor: foreignColours.border }}
            aria-hidden="true"
          />
          {m.legendForeign}
        </li>
        <li>
          <span className="legend-line" style={{ borderTopColor: feedColour }} aria-hidden="true" />
          {m.legendFeed}
        </li>
        <li>
          <span
            className="legend-line legend-line-dashed"
            style={{ borderTopColor: crossFeedColour }}
            aria-hidden="true"
          />
          {m.legendCrossFeed}
        </li>
      </ul>
    </aside>
  );
}
