import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { ApiError } from '../../lib/api-client.ts';
import { useMessages } from '../../lib/i18n.ts';
import { startSession } from '../../lib/session.ts';
import { logIn } from './api/log-in.ts';
import { authMessages } from './auth.messages.ts';

const retryDetailsSchema = z.object({ retryAfterSeconds: z.number() });

export function LoginPage() {
  const m = useMessages(authMessages);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const explain = (error: unknown): string => {
    if (!(error instanceof ApiError)) return m.failed;
    if (error.status === 429) {
      const details = retryDetailsSchema.safeParse(error.details);
      return m.tooMany(details.success ? Math.max(1, Math.ceil(details.data.retryAfterSeconds / 60)) : 15);
    }
    if (error.status === 401) return /disabled/.test(error.message) ? m.disabled : m.wrongCredentials;
    return m.failed;
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPending(true);
    setProblem(null);
    try {
      startSession(await logIn({ username: username.trim(), password }));
    } catch (error) {
      setProblem(explain(error));
      setPassword('');
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="login" aria-labelledby="login-title">
      <h1 id="login-title">{m.title}</h1>
      <p className="page-intro">{m.intro}</p>
      <form className="login-form" data-testid="login-form" onSubmit={submit}>
        <label>
          <span>{m.username}</span>
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          <span>{m.password}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {problem && (
          <p className="notice notice-error" role="alert" data-testid="login-error">
            {problem}
          </p>
        )}
        <button type="submit" className="button" disabled={pending}>
          {pending ? m.submitting : m.submit}
        </button>
      </form>
    </section>
  );
}
