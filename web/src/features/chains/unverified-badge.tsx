import { useMessages } from '../../lib/i18n.ts';
import { chainsMessages } from './chains.messages.ts';

export function UnverifiedBadge({ title }: { title?: string }) {
  const m = useMessages(chainsMessages);
  return (
    <span className="badge badge-unverified" title={title ?? m.unverifiedHint} data-testid="unverified-badge">
      {m.unverified}
    </span>
  );
}
