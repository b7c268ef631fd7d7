import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { formatCount, useLanguage, useMessages } from '../../lib/i18n.ts';
import { enterpriseHref, href } from '../../lib/routes.ts';
import { useLinkTargets } from './api/get-link-targets.ts';
import { chainMapMessages } from './chain-map.messages.ts';

/** How many reasons each target shows in the panel; the target finder shows them all. */
const reasonsShown = 2;

/** The best firms elsewhere for a link, with the reasons they were ranked for. */
export function LinkTargets({ chainId, linkId }: { chainId: string; linkId: string }) {
  const m = useMessages(chainMapMessages);
  const language = useLanguage();
  const targets = useLinkTargets(chainId, linkId);

  let body: React.ReactNode;
  if (targets.status === 'loading') body = <LoadingNotice label={m.targetsLoading} />;
  else if (targets.status === 'error') body = <ErrorNotice error={targets.error} onRetry={targets.retry} />;
  else if (targets.data.items.length === 0) body = <p className="side-panel-muted">{m.targetsNone}</p>;
  else
    body = (
      <ol className="chain-map-targets" data-testid="link-targets">
        {targets.data.items.map((target) => (
          <li key={target.id} className="chain-map-target" data-testid={`link-target-${target.id}`}>
            <div className="chain-map-target-head">
              <a href={enterpriseHref(target.id)}>{target.name}</a>
              <span className="chain-map-target-score">
                {m.targetScore(formatCount(language, Math.round(target.score * 100)))}
              </span>
            </div>
            <ul className="chain-map-target-reasons">
              {target.reasons.slice(0, reasonsShown).map((reason) => (
                <li key={`${reason.kind}:${reason.text}`}>{reason.text}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    );

  return (
    <>
      <h3 className="side-panel-subtitle">{m.targetsTitle}</h3>
      {body}
      <a
        className="chain-map-targets-all"
        href={href('targets', {}, { chain: chainId, link: linkId })}
        data-testid="link-targets-all"
      >
        {m.targetsAll}
      </a>
    </>
  );
}
