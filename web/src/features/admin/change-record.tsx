import { useMessages } from '../../lib/i18n.ts';
import { adminMessages } from './admin.messages.ts';
import type { MapChange } from './api/map-edits.ts';

/** The API's answer to a map edit: the change it recorded. */
export function ChangeRecord({ change }: { change: MapChange }) {
  const m = useMessages(adminMessages);
  return (
    <output className="admin-change" data-testid="admin-last-change">
      <strong>{m.changeRecorded}</strong>
      <dl className="admin-facts">
        <dt>{m.changeSummary}</dt>
        <dd data-testid="admin-last-change-summary">{change.summary}</dd>
        <dt>{m.changeAction}</dt>
        <dd>
          <code>{change.action}</code>
        </dd>
        <dt>{m.changeEffective}</dt>
        <dd>{change.effectiveDate}</dd>
        <dt>{m.changeActor}</dt>
        <dd>{change.actor}</dd>
        <dt>{m.changeId}</dt>
        <dd>
          <code>{change.id}</code>
        </dd>
      </dl>
    </output>
  );
}
