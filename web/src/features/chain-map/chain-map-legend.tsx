import { formatCount, useLanguage, useMessages } from '../../lib/i18n.ts';
import { chainMapMessages } from './chain-map.messages.ts';
import { crossFeedColour, feedColour, foreignColours, levelColours } from './chain-map-style.ts';
import type { CountScale } from './count-scale.ts';

export function ChainMapLegend({ scale }: { scale: CountScale }) {
  const m = useMessages(chainMapMessages);
  const language = useLanguage();
  const count = (n: number) => formatCount(language, n);

  return (
    <aside className="legend" data-testid="chain-map-legend" aria-label={m.legendTitle}>
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
      <ul className="legend-list legend-list-shapes">
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
