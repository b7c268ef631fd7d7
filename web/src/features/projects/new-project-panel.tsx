import { type FormEvent, useState } from 'react';
import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { useLanguage, useMessages } from '../../lib/i18n.ts';
import { href, navigate, updateQuery } from '../../lib/routes.ts';
import { type CreateProjectInput, createProject } from './api/create-project.ts';
import { useDistricts } from './api/get-districts.ts';
import { useAcceptedProposals } from './api/get-proposals.ts';
import { type EnterpriseList, useEnterpriseSearch } from './api/search-enterprises.ts';
import { projectsMessages } from './projects.messages.ts';

interface NewProjectPanelProps {
  mode: 'target' | 'proposal';
  defaultDistrict: string;
  onClose: () => void;
}

/** Makes a project in one action from a target firm (with its chain link) or from a joint-attraction proposal. */
export function NewProjectPanel({ mode, defaultDistrict, onClose }: NewProjectPanelProps) {
  const m = useMessages(projectsMessages);
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function create(input: CreateProjectInput) {
    setError(null);
    setProblem(null);
    setPending(true);
    try {
      const project = await createProject(input);
      navigate(href('project', { projectId: project.id }));
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409)
        setProblem(`${m.createConflict} ${caught.message}`);
      else setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="projects-panel" aria-labelledby="new-project-title" data-testid="new-project-panel">
      <header className="projects-panel-head">
        <h2 id="new-project-title">{m.newTitle}</h2>
        <button type="button" className="button button-small" onClick={onClose}>
          {m.close}
        </button>
      </header>
      <div className="projects-tabs" role="tablist">
        {(['target', 'proposal'] as const).map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            aria-selected={mode === tab}
            className={mode === tab ? 'projects-tab is-active' : 'projects-tab'}
            onClick={() => updateQuery({ new: tab })}
          >
            {tab === 'target' ? m.newFromTarget : m.newFromProposal}
          </button>
        ))}
      </div>
      {mode === 'target' ? (
        <FromTargetForm
          defaultDistrict={defaultDistrict}
          pending={pending}
          onCreate={create}
          onProblem={setProblem}
        />
      ) : (
        <FromProposalForm pending={pending} onCreate={create} onProblem={setProblem} />
      )}
      {problem !== null && (
        <p className="projects-problem" role="alert">
          {problem}
        </p>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}

interface FormProps {
  pending: boolean;
  onCreate: (input: CreateProjectInput) => void;
  onProblem: (text: string | null) => void;
}

function FromTargetForm({
  defaultDistrict,
  pending,
  onCreate,
  onProblem,
}: FormProps & { defaultDistrict: string }) {
  const m = useMessages(projectsMessages);
  const language = useLanguage();
  const districts = useDistricts();
  const [text, setText] = useState('');
  const [searched, setSearched] = useState('');
  const [enterpriseId, setEnterpriseId] = useState('');
  const [linkId, setLinkId] = useState('');
  const [districtCode, setDistrictCode] = useState(defaultDistrict);
  const [chosen, setChosen] = useState<EnterpriseList['items'][number] | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (enterpriseId === '' || linkId === '' || districtCode === '') return onProblem(m.createIncomplete);
    onCreate({ fromTarget: { enterpriseId, linkId, districtCode } });
  }

  return (
    <form className="projects-form" onSubmit={submit}>
      <div className="projects-search-row">
        <label>
          <span>{m.searchEnterprise}</span>
          <input
            type="search"
            value={text}
            placeholder={m.searchEnterprisePlaceholder}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                setSearched(text.trim());
              }
            }}
            data-testid="enterprise-search"
          />
        </label>
        <button type="button" className="button" onClick={() => setSearched(text.trim())}>
          {m.searchEnterprise}
        </button>
      </div>
      {searched !== '' && (
        <EnterpriseResults
          text={searched}
          selected={enterpriseId}
          onChoose={(enterprise) => {
            setChosen(enterprise);
            setEnterpriseId(enterprise.id);
            setLinkId(enterprise.links[0]?.id ?? '');
          }}
        />
      )}
      {chosen !== null && (
        <label>
          <span>{m.chainLink}</span>
          <select value={linkId} onChange={(event) => setLinkId(event.target.value)} data-testid="new-link">
            <option value="">{m.chooseLink}</option>
            {chosen.links.map((link) => (
              <option key={link.id} value={link.id}>
                {link.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        <span>{m.leadDistrict}</span>
        <select
          value={districtCode}
          onChange={(event) => setDistrictCode(event.target.value)}
          data-testid="new-district"
        >
          <option value="">{m.chooseDistrict}</option>
          {districts.status === 'success' &&
            districts.data.items.map((d) => (
              <option key={d.code} value={d.code}>
                {language === 'en' && d.nameEn !== '' ? d.nameEn : d.name}
              </option>
            ))}
        </select>
      </label>
      <div className="projects-form-actions">
        <button
          type="submit"
          className="button projects-button-primary"
          disabled={pending}
          data-testid="create-project"
        >
          {pending ? m.creating : m.create}
        </button>
      </div>
    </form>
  );
}

function EnterpriseResults({
  text,
  selected,
  onChoose,
}: {
  text: string;
  selected: string;
  onChoose: (enterprise: EnterpriseList['items'][number]) => void;
}) {
  const m = useMessages(projectsMessages);
  const results = useEnterpriseSearch(text);
  if (results.status === 'loading') return <LoadingNotice label={m.searching} />;
  if (results.status === 'error') return <ErrorNotice error={results.error} onRetry={results.retry} />;
  if (results.data.items.length === 0) return <p className="notice notice-quiet">{m.noEnterprises}</p>;
  return (
    <fieldset className="projects-choices">
      <legend>{m.chooseEnterprise}</legend>
      {results.data.items.map((enterprise) => (
        <label key={enterprise.id} className="projects-choice">
          <input
            type="radio"
            name="enterprise"
            value={enterprise.id}
            checked={selected === enterprise.id}
            onChange={() => onChoose(enterprise)}
          />
          <span>{enterprise.name}</span>
          <span className="projects-muted">
            {[enterprise.districtName ?? enterprise.province, enterprise.links.map((l) => l.name).join('、')]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function FromProposalForm({ pending, onCreate, onProblem }: FormProps) {
  const m = useMessages(projectsMessages);
  const proposals = useAcceptedProposals();
  const [proposalId, setProposalId] = useState('');

  if (proposals.status === 'loading') return <LoadingNotice />;
  if (proposals.status === 'error') return <ErrorNotice error={proposals.error} onRetry={proposals.retry} />;
  if (proposals.data.items.length === 0) return <p className="notice notice-quiet">{m.noProposals}</p>;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (proposalId === '') return onProblem(m.chooseProposal);
    onCreate({ fromProposal: proposalId });
  }

  return (
    <form className="projects-form" onSubmit={submit}>
      <label>
        <span>{m.proposal}</span>
        <select
          value={proposalId}
          onChange={(event) => setProposalId(event.target.value)}
          data-testid="new-proposal"
        >
          <option value="">{m.chooseProposal}</option>
          {proposals.data.items.map((proposal) => (
            <option key={proposal.id} value={proposal.id}>
              {proposal.title} · {proposal.parties.map((p) => p.name).join('、')}
            </option>
          ))}
        </select>
      </label>
      <div className="projects-form-actions">
        <button type="submit" className="button projects-button-primary" disabled={pending}>
          {pending ? m.creating : m.create}
        </button>
      </div>
    </form>
  );
}
