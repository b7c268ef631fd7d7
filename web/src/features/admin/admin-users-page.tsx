import { type FormEvent, useState } from 'react';
import type { Role } from '../../../../api/src/domain/auth/session-user.ts';
import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { useMessages } from '../../lib/i18n.ts';
import { type PageProps, updateQuery } from '../../lib/routes.ts';
import { useSession } from '../../lib/session.ts';
import { adminMessages } from './admin.messages.ts';
import { AdminTabs } from './admin-tabs.tsx';
import { adminUsersMessages } from './admin-users.messages.ts';
import { createUser, resetPassword, type UserSummary, updateUser, useUsers } from './api/users.ts';
import { Pagination, pageFrom, pageOf } from './pagination.tsx';
import { useAction } from './use-action.ts';
import { checkUserDraft, passwordProblem, type UserDraft } from './user-form.ts';
import './admin.css';

const pageSize = 20;
const roles: Role[] = ['admin', 'analyst', 'district'];
const roleLabel = { admin: 'roleAdmin', analyst: 'roleAnalyst', district: 'roleDistrict' } as const;

export function AdminUsersPage({ query }: PageProps<'admin-users'>) {
  const m = useMessages(adminUsersMessages);
  const me = useSession()?.user.username ?? null;
  const [revision, setRevision] = useState(0);
  const [note, setNote] = useState<string | null>(null);
  const users = useUsers(revision);
  const page = pageFrom(query);
  const selected = query.get('user');
  const done = (text: string) => {
    setNote(text);
    setRevision((n) => n + 1);
  };

  return (
    <section className="page admin-page">
      <AdminTabs current="admin-users" />
      <header className="page-header">
        <h1>{m.title}</h1>
        <p className="page-intro">{m.intro}</p>
      </header>
      {note && (
        <output className="admin-change" data-testid="admin-users-note">
          {note}
        </output>
      )}
      <div className="admin-map-layout">
        <div>
          {users.status === 'loading' && <LoadingNotice label={m.loading} />}
          {users.status === 'error' && <ErrorNotice error={users.error} onRetry={users.retry} />}
          {users.status === 'success' &&
            (users.data.items.length === 0 ? (
              <p className="notice notice-quiet">{m.empty}</p>
            ) : (
              <>
                <table className="admin-table" data-testid="admin-users">
                  <thead>
                    <tr>
                      <th>{m.username}</th>
                      <th>{m.role}</th>
                      <th>{m.district}</th>
                      <th>{m.status}</th>
                      <th>{m.createdAt}</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {pageOf(users.data.items, page, pageSize).map((user) => (
                      <UserRow
                        key={`${user.username}:${user.disabled}`}
                        user={user}
                        isMe={user.username === me}
                        selected={user.username === selected}
                        onDone={done}
                      />
                    ))}
                  </tbody>
                </table>
                <Pagination
                  page={page}
                  pageSize={pageSize}
                  total={users.data.total}
                  onPage={(p) => updateQuery({ page: p })}
                  testId="admin-users-pages"
                />
              </>
            ))}
        </div>
        <aside>
          {users.status === 'success' &&
            (() => {
              const user = users.data.items.find((u) => u.username === selected);
              return user ? (
                <UserEditor
                  key={`${user.username}:${user.role}:${user.districtCode}`}
                  user={user}
                  onDone={done}
                />
              ) : null;
            })()}
          <AddUserForm
            onAdded={(user) => {
              done(m.added(user.username));
              updateQuery({ user: user.username });
            }}
          />
        </aside>
      </div>
    </section>
  );
}

function UserRow({
  user,
  isMe,
  selected,
  onDone,
}: {
  user: UserSummary;
  isMe: boolean;
  selected: boolean;
  onDone: (note: string) => void;
}) {
  const m = useMessages(adminUsersMessages);
  const common = useMessages(adminMessages);
  const toggle = useAction(async () => {
    const updated = await updateUser(user.username, { disabled: !user.disabled });
    onDone(m.updated(updated.username));
    return updated;
  });
  const classes = [selected ? 'admin-list-selected' : '', user.disabled ? 'admin-user-disabled' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <tr className={classes || undefined} data-testid={`admin-user-${user.username}`}>
      <td>
        <button type="button" className="link-button" onClick={() => updateQuery({ user: user.username })}>
          {user.username}
        </button>
        {isMe && <span className="admin-muted">{m.you}</span>}
      </td>
      <td>{common[roleLabel[user.role]]}</td>
      <td>{user.districtCode ?? '—'}</td>
      <td>
        <span className={user.disabled ? 'badge admin-status-off' : 'badge admin-status-on'}>
          {user.disabled ? m.disabled : m.active}
        </span>
      </td>
      <td>{user.createdAt.slice(0, 10)}</td>
      <td>
        <button
          type="button"
          className={user.disabled ? 'button button-small' : 'button button-small admin-button-danger'}
          data-testid="admin-user-toggle"
          disabled={toggle.state.status === 'running' || (isMe && !user.disabled)}
          onClick={() => void toggle.run()}
        >
          {user.disabled ? m.enable : m.disable}
        </button>
        {toggle.state.status === 'error' && <ErrorNotice error={toggle.state.error} />}
      </td>
    </tr>
  );
}

function UserEditor({ user, onDone }: { user: UserSummary; onDone: (note: string) => void }) {
  const m = useMessages(adminUsersMessages);
  const common = useMessages(adminMessages);
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [role, setRole] = useState<Role>(user.role);
  const [districtCode, setDistrictCode] = useState(user.districtCode ?? '');
  const reset = useAction(async () => {
    const updated = await resetPassword(user.username, password);
    setPassword('');
    onDone(m.passwordSet(updated.username));
    return updated;
  });
  const changeRole = useAction(async () => {
    const updated = await updateUser(user.username, {
      role,
      districtCode: role === 'district' ? districtCode.trim() : null,
    });
    onDone(m.updated(updated.username));
    return updated;
  });
  const submitPassword = (event: FormEvent) => {
    event.preventDefault();
    const problem = passwordProblem(password);
    setPasswordError(problem);
    if (problem === null) void reset.run();
  };
  return (
    <section className="admin-card" data-testid="admin-user-editor">
      <h2>{user.username}</h2>
      <form className="admin-form" onSubmit={submitPassword} noValidate>
        <label className="admin-field">
          <span>{m.newPassword}</span>
          <input
            type="password"
            name="new-password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          {passwordError && <small className="admin-field-error">{passwordError}</small>}
        </label>
        <button type="submit" className="button" disabled={reset.state.status === 'running'}>
          {m.setPassword}
        </button>
        {reset.state.status === 'error' && <ErrorNotice error={reset.state.error} />}
      </form>
      <form
        className="admin-form"
        onSubmit={(event) => {
          event.preventDefault();
          void changeRole.run();
        }}
      >
        <label className="admin-field">
          <span>{m.changeRole}</span>
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {common[roleLabel[r]]}
              </option>
            ))}
          </select>
        </label>
        {role === 'district' && (
          <label className="admin-field">
            <span>{m.district}</span>
            <input
              value={districtCode}
              placeholder="510107"
              onChange={(e) => setDistrictCode(e.target.value)}
            />
          </label>
        )}
        <button type="submit" className="button" disabled={changeRole.state.status === 'running'}>
          {m.saveRole}
        </button>
        {changeRole.state.status === 'error' && <ErrorNotice error={changeRole.state.error} />}
      </form>
    </section>
  );
}

const emptyDraft: UserDraft = { username: '', role: 'analyst', districtCode: '', password: '' };

function AddUserForm({ onAdded }: { onAdded: (user: UserSummary) => void }) {
  const m = useMessages(adminUsersMessages);
  const common = useMessages(adminMessages);
  const [draft, setDraft] = useState<UserDraft>(emptyDraft);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const add = useAction(async (body: Parameters<typeof createUser>[0]) => {
    const user = await createUser(body);
    setDraft(emptyDraft);
    onAdded(user);
    return user;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkUserDraft(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    void add.run(checked.body);
  };
  const hint = (field: string, fallback?: string) =>
    problems[field] ? (
      <small className="admin-field-error">{problems[field]}</small>
    ) : fallback ? (
      <small className="admin-muted">{fallback}</small>
    ) : null;
  return (
    <form className="admin-card admin-form" onSubmit={submit} noValidate data-testid="admin-add-user-form">
      <h2>{m.addTitle}</h2>
      <label className="admin-field">
        <span>{m.username}</span>
        <input
          name="username"
          autoComplete="off"
          value={draft.username}
          onChange={(e) => setDraft({ ...draft, username: e.target.value })}
        />
        {hint('username', m.usernameHint)}
      </label>
      <label className="admin-field">
        <span>{m.role}</span>
        <select
          name="role"
          value={draft.role}
          onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {common[roleLabel[r]]}
            </option>
          ))}
        </select>
      </label>
      {draft.role === 'district' && (
        <label className="admin-field">
          <span>{m.district}</span>
          <input
            name="districtCode"
            value={draft.districtCode}
            placeholder="510107"
            onChange={(e) => setDraft({ ...draft, districtCode: e.target.value })}
          />
          {hint('districtCode', m.districtHint)}
        </label>
      )}
      <label className="admin-field">
        <span>{m.password}</span>
        <input
          type="password"
          name="password"
          autoComplete="new-password"
          value={draft.password}
          onChange={(e) => setDraft({ ...draft, password: e.target.value })}
        />
        {hint('password')}
      </label>
      <button
        type="submit"
        className="button"
        data-testid="admin-add-user"
        disabled={add.state.status === 'running'}
      >
        {m.add}
      </button>
      {add.state.status === 'error' && <ErrorNotice error={add.state.error} />}
    </form>
  );
}
