import type { TargetBody, TargetPageBody } from '../../../../api/src/http/schemas/matcher.schemas.ts';
import { useMessages } from '../../lib/i18n.ts';
import { enterpriseHref, href } from '../../lib/routes.ts';
import { formatPercent, type ScoreBar, toScoreBars } from './score-bars.ts';
import { targetsMessages } from './targets.messages.ts';

interface TargetCardProps {
  target: TargetBody;
  weights: TargetPageBody['profile']['weights'];
  open: boolean;
  onToggleOpen: () => void;
  shortlisted: boolean;
  shortlistBusy: boolean;
  onToggleShortlist: () => void;
}

export function TargetCard(props: TargetCardProps) {
  const { target, weights, open, shortlisted } = props;
  const m = useMessages(targetsMessages);
  const bars = toScoreBars(target, weights);
  const location = m.location(target.province ?? '', target.city ?? '');

  return (
    <li className="targets-card" data-testid={`target-${target.id}`}>
      <div className="targets-card-head">
        <span className="targets-rank">{m.rank(target.rank)}</span>
        <div className="targets-card-title">
          <h2>
            <a href={enterpriseHref(target.id)}>{target.name}</a>
          </h2>
          <p className="targets-card-meta">
            {[target.stockCode, target.board, location].filter(Boolean).join(' · ')}
            {target.synthetic && <span className="badge badge-unverified">{m.synthetic}</span>}
          </p>
        </div>
        <div className="targets-score" title={m.score}>
          <span className="targets-score-value" data-testid="target-score">
            {target.score.toFixed(3)}
          </span>
          <span className="targets-score-meter" aria-hidden="true">
            <span style={{ width: formatPercent(target.score, 1) }} />
          </span>
        </div>
      </div>

      {target.mainProducts.length > 0 && (
        <p className="targets-products">
          <span>{m.products}：</span>
          {target.mainProducts.join('、')}
        </p>
      )}

      <ImpactLine target={target} />

      <div className="targets-actions">
        <button
          type="button"
          className="button button-small"
          aria-expanded={open}
          onClick={props.onToggleOpen}
          data-testid="toggle-score"
        >
          {open ? m.hideScore : m.showScore}
        </button>
        <button
          type="button"
          className={shortlisted ? 'button button-small targets-shortlisted' : 'button button-small'}
          disabled={props.shortlistBusy}
          aria-pressed={shortlisted}
          onClick={props.onToggleShortlist}
          data-testid="toggle-shortlist"
        >
          {shortlisted ? `★ ${m.shortlistRemove}` : `☆ ${m.shortlistAdd}`}
        </button>
        <a className="button button-small" href={enterpriseHref(target.id)}>
          {m.openEnterprise}
        </a>
        <a
          className="button button-small"
          href={href('joint', { enterpriseId: target.id })}
          data-testid="open-joint"
        >
          {m.openJoint}
        </a>
      </div>

      {open && (
        <div className="targets-detail" data-testid="target-detail">
          <ScoreBars bars={bars} />
          <section>
            <h3>{m.reasons}</h3>
            <ul className="targets-reasons">
              {target.reasons.map((reason, index) => (
                <li
                  key={`${reason.kind}-${index}`}
                  className={`targets-reason targets-reason-${reason.kind}`}
                >
                  {reason.text}
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </li>
  );
}

function ScoreBars({ bars }: { bars: ScoreBar[] }) {
  const m = useMessages(targetsMessages);
  return (
    <table className="targets-bars" data-testid="score-bars">
      <tbody>
        {bars.map((bar) => (
          <tr key={bar.key} data-testid={`bar-${bar.key}`}>
            <th scope="row">{m[bar.key]}</th>
            <td className="targets-bar-cell">
              <span className={`targets-bar targets-bar-${bar.key}`}>
                <span style={{ width: `${bar.width}%` }} />
              </span>
            </td>
            <td className="targets-bar-value">{bar.value.toFixed(2)}</td>
            <td className="targets-bar-note">
              {bar.key === 'veto'
                ? bar.value > 0
                  ? m.vetoActive
                  : m.vetoNone
                : `${m.weightOf(formatPercent(bar.weight))} · ${m.contribution(bar.contribution.toFixed(3))}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ImpactLine({ target }: { target: TargetBody }) {
  const m = useMessages(targetsMessages);
  const { impact } = target;
  const state = (s: TargetBody['impact']['before']) =>
    `${s.classLabel} · ${m.localFirms(s.enterpriseCount)} · ${m.leaders(s.leaderCount)} · ${m.strength(s.strength.toFixed(2))}`;
  return (
    <div className="targets-impact" data-testid="target-impact">
      <span className="targets-impact-label">
        {m.impact} · {m.impactLink(impact.link.name)}
      </span>
      <span className={`targets-class targets-class-${impact.before.class}`} title={m.before}>
        {m.before}：{state(impact.before)}
      </span>
      <span aria-hidden="true">→</span>
      <span className={`targets-class targets-class-${impact.after.class}`} title={m.after}>
        {m.after}：{state(impact.after)}
      </span>
    </div>
  );
}
