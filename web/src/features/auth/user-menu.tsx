import { useMessages } from '../../lib/i18n.ts';
import { endSession, useSession } from '../../lib/session.ts';
import { logOut } from './api/log-out.ts';
import { authMessages } from './auth.messages.ts';

/** Who is logged in, and the way out. */
export function UserMenu() {
  const session = useSession();
  const m = useMessages(authMessages);
  if (!session) return null;
  const { user } = session;

  const leave = async () => {
    try {
      await logOut();
    } catch {
      // The session is forgotten here whatever the server said; it expires there on its own.
    } finally {
      endSession();
    }
  };

  return (
    <div className="user-menu" data-testid="user-menu">
      <span className="user-name" data-testid="user-name">
        {user.username}
      </span>
      <span className="user-role">
        {m.role(user.role)}
        {user.districtCode ? ` · ${user.districtCode}` : ''}
      </span>
      <button type="button" className="button button-small" data-testid="log-out" onClick={leave}>
        {m.logOut}
      </button>
    </div>
  );
}
