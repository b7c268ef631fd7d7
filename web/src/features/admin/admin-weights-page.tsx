import { type FormEvent, useState } from 'react';
import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { useMessages } from '../../lib/i18n.ts';
import { type PageProps, updateQuery } from '../../lib/routes.ts';
import { AdminTabs } from './admin-tabs.tsx';
import { adminWeightsMessages } from './admin-weights.messages.ts';
import { saveWeightProfile, useWeightProfiles, type WeightProfile } from './api/weight-profiles.ts';
import { useAction } from './use-action.ts';
import { checkWeightDraft, type WeightDraft, weightKeys } from './weights-form.ts';
import './admin.css';

const newProfileKey = '+new';

export function AdminWeightsPage({ query }: PageProps<'admin-weights'>) {
  const m = useMessages(adminWeightsMessages);
  const [revision, setRevision] = useState(0);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const profiles = useWeightProfiles(revision);
  const selected = query.get('profile');

  return (
    <section className="page admin-page">
      <AdminTabs current="admin-weights" />
      <header className="page-header">
        <h1>{m.title}</h1>
        <p className="page-intro">{m.intro}</p>
      </header>
      {savedNote && (
        <output className="admin-change" data-testid="admin-weights-saved">
          {savedNote}
        </output>
      )}
      {profiles.status === 'loading' && <LoadingNotice label={m.loading} />}
      {profiles.status === 'error' && <ErrorNotice error={profiles.error} onRetry={profiles.retry} />}
      {profiles.status === 'success' && (
        <div className="admin-map-layout">
          <div>
            {profiles.data.items.length === 0 ? (
              <p className="notice notice-quiet">{m.empty}</p>
            ) : (
              <table className="admin-table" data-testid="admin-weight-profiles">
                <thead>
                  <tr>
                    <th>{m.name}</th>
                    {weightKeys.map((key) => (
                      <th key={key} className="admin-number">
                        {key}
                      </th>
                    ))}
                    <th className="admin-number">{m.version}</th>
                    <th>{m.updatedAt}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {profiles.data.items.map((profile) => (
                    <tr
                      key={profile.name}
                      className={profile.name === selected ? 'admin-list-selected' : undefined}
                      data-testid={`admin-weight-profile-${profile.name}`}
                    >
                      <td>
                        <strong>{profile.name}</strong>
                        {profile.description && <div className="admin-muted">{profile.description}</div>}
                      </td>
                      {weightKeys.map((key) => (
                        <td key={key} className="admin-number">
                          {profile.weights[key]}
                        </td>
                      ))}
                      <td className="admin-number">{profile.version}</td>
                      <td>{profile.updatedAt.slice(0, 10)}</td>
                      <td>
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => updateQuery({ profile: profile.name })}
                        >
                          {m.edit}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p>
              <button
                type="button"
                className="button"
                onClick={() => updateQuery({ profile: newProfileKey })}
              >
                {m.newProfile}
              </button>
            </p>
          </div>
          <aside>
            {(() => {
              if (selected === newProfileKey)
                return (
                  <WeightForm
                    key="new"
                    profile={null}
                    onSaved={(saved) => {
                      setSavedNote(m.saved(saved.name, saved.version));
                      setRevision((n) => n + 1);
                      updateQuery({ profile: saved.name });
                    }}
                  />
                );
              const profile = profiles.data.items.find((p) => p.name === selected);
              if (!profile) return <p className="notice notice-quiet">{m.chooseProfile}</p>;
              return (
                <WeightForm
                  key={`${profile.name}:${profile.version}`}
                  profile={profile}
                  onSaved={(saved) => {
                    setSavedNote(m.saved(saved.name, saved.version));
                    setRevision((n) => n + 1);
                  }}
                  onReload={() => setRevision((n) => n + 1)}
                />
              );
            })()}
          </aside>
        </div>
      )}
    </section>
  );
}

function draftOf(profile: WeightProfile | null): WeightDraft {
  return {
    name: profile?.name ?? '',
    description: profile?.description ?? '',
    weights: {
      gapFit: String(profile?.weights.gapFit ?? 0.25),
      supplyTies: String(profile?.weights.supplyTies ?? 0.25),
      quality: String(profile?.weights.quality ?? 0.25),
      momentum: String(profile?.weights.momentum ?? 0.25),
    },
    version: profile?.version,
  };
}

function WeightForm({
  profile,
  onSaved,
  onReload,
}: {
  profile: WeightProfile | null;
  onSaved: (profile: WeightProfile) => void;
  onReload?: () => void;
}) {
  const m = useMessages(adminWeightsMessages);
  const [draft, setDraft] = useState<WeightDraft>(() => draftOf(profile));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const save = useAction(async (name: string, body: Parameters<typeof saveWeightProfile>[1]) => {
    const saved = await saveWeightProfile(name, body);
    onSaved(saved);
    return saved;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkWeightDraft(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    void save.run(checked.name, checked.body);
  };
  const conflict =
    save.state.status === 'error' && save.state.error instanceof ApiError && save.state.error.status === 409;

  return (
    <form className="admin-card admin-form" onSubmit={submit} noValidate data-testid="admin-weight-form">
      <h2>{profile ? profile.name : m.newProfile}</h2>
      {!profile && (
        <label className="admin-field">
          <span>{m.name}</span>
          <input
            name="name"
            value={draft.name}
            placeholder="supply-first"
            aria-invalid={problems.name !== undefined}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
          <small className={problems.name ? 'admin-field-error' : 'admin-muted'}>
            {problems.name ?? m.nameHint}
          </small>
        </label>
      )}
      {weightKeys.map((key) => {
        const problem = problems[`weights.${key}`];
        return (
          <label key={key} className="admin-field">
            <span>{m[key]}</span>
            <input
              name={key}
              type="number"
              inputMode="decimal"
              step="0.05"
              min="0"
              max="1"
              value={draft.weights[key]}
              aria-invalid={problem !== undefined}
              data-testid={`admin-weight-${key}`}
              onChange={(e) => setDraft({ ...draft, weights: { ...draft.weights, [key]: e.target.value } })}
            />
            {problem && <small className="admin-field-error">{problem}</small>}
          </label>
        );
      })}
      {problems.weights && <p className="admin-field-error">{problems.weights}</p>}
      <label className="admin-field">
        <span>{m.description}</span>
        <input
          name="description"
          value={draft.description}
          maxLength={200}
          onChange={(e) => setDraft({ ...draft, description: e.target.value })}
        />
        {problems.description && <small className="admin-field-error">{problems.description}</small>}
      </label>
      <button
        type="submit"
        className="button"
        data-testid="admin-weight-save"
        disabled={save.state.status === 'running'}
      >
        {profile ? m.save : m.create}
      </button>
      {conflict ? (
        <div className="notice notice-error" role="alert">
          <p>{m.conflict}</p>
          {onReload && (
            <button type="button" className="button" onClick={onReload}>
              {m.reload}
            </button>
          )}
        </div>
      ) : (
        save.state.status === 'error' && <ErrorNotice error={save.state.error} />
      )}
    </form>
  );
}
