import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import type { LandParcel } from '../../../../api/src/http/schemas/project.schemas.ts';
import { landParcelStatuses } from '../../../../graph-seeds/project-seed.schemas.ts';
import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { formatCount, useLanguage, useMessages } from '../../lib/i18n.ts';
import { href, navigate, type PageProps, updateQuery } from '../../lib/routes.ts';
import { useSession } from '../../lib/session.ts';
import { type LandParcelFilter, useLandParcels } from './api/get-land-parcels.ts';
import { reviveParcel } from './api/revive-parcel.ts';
import { formatNumber, queryChoice, queryPage } from './format.ts';
import { mayMove } from './permissions.ts';
import { projectsMessages } from './projects.messages.ts';
import { DistrictFilter, FilterBar, FilterSelect, Pager } from './projects-filters.tsx';
import './projects.css';

const limit = 20;

export function LandParcelsPage({ query }: PageProps<'land-parcels'>) {
  const m = useMessages(projectsMessages);
  const language = useLanguage();
  const filter: LandParcelFilter = {
    district: query.get('district') || null,
    status: queryChoice(landParcelStatuses, query.get('status')),
    page: queryPage(query.get('page')),
    limit,
  };
  const reviving = query.get('revive');
  const parcels = useLandParcels(filter);

  let body: ReactNode;
  if (parcels.status === 'loading') body = <LoadingNotice label={m.loadingParcels} />;
  else if (parcels.status === 'error') body = <ErrorNotice error={parcels.error} onRetry={parcels.retry} />;
  else if (parcels.data.items.length === 0) body = <p className="notice">{m.noParcels}</p>;
  else {
    const { items, total } = parcels.data;
    const chosen = reviving === null ? null : (items.find((p) => p.id === reviving) ?? null);
    body = (
      <>
        <p className="page-summary">{m.parcelCount(formatCount(language, total))}</p>
        <div className="projects-table-wrap">
          <table className="projects-table" data-testid="parcel-table">
            <thead>
              <tr>
                <th scope="col">{m.parcel}</th>
                <th scope="col">{m.district}</th>
                <th scope="col">{m.park}</th>
                <th scope="col" className="numeric">
                  {m.area}
                </th>
                <th scope="col">{m.status}</th>
                <th scope="col">{m.suppliedOn}</th>
                <th scope="col">{m.use}</th>
                <th scope="col">{m.parcelProjects}</th>
                <th scope="col">{m.actions}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((parcel) => (
                <ParcelRow key={parcel.id} parcel={parcel} />
              ))}
            </tbody>
          </table>
        </div>
        <Pager page={filter.page} total={total} limit={limit} />
        {chosen && <ReviveDialog parcel={chosen} onClose={() => updateQuery({ revive: null })} />}
      </>
    );
  }

  return (
    <section className="page projects-page parcels-page" aria-labelledby="parcels-title">
      <header className="page-header">
        <h1 id="parcels-title">{m.parcelsTitle}</h1>
        <p className="page-intro">{m.parcelsIntro}</p>
      </header>
      <FilterBar>
        <DistrictFilter value={filter.district ?? ''} />
        <FilterSelect
          name="status"
          label={m.status}
          value={filter.status ?? ''}
          allLabel={m.allStatuses}
          options={landParcelStatuses.map((s) => ({ value: s, label: m.parcelStatusLabel(s) }))}
        />
      </FilterBar>
      {body}
    </section>
  );
}

function ParcelRow({ parcel }: { parcel: LandParcel }) {
  const m = useMessages(projectsMessages);
  const language = useLanguage();
  const user = useSession()?.user ?? null;
  const revived = parcel.projects.some((p) => p.batch === 'revive');
  const inUse = parcel.status === 'in_use';
  return (
    <tr data-testid={`parcel-row-${parcel.id}`}>
      <td>
        {parcel.name}
        <div className="projects-muted projects-small">{parcel.id}</div>
      </td>
      <td>
        <a href={href('district', { districtCode: parcel.districtCode })}>
          {parcel.districtName ?? parcel.districtCode}
        </a>
      </td>
      <td>{parcel.park?.name ?? m.unknown}</td>
      <td className="numeric">{m.areaHa(formatNumber(language, parcel.areaHa))}</td>
      <td>
        <span className={`badge parcels-status parcels-status-${parcel.status}`}>
          {m.parcelStatusLabel(parcel.status)}
        </span>
      </td>
      <td>{parcel.suppliedOn ?? m.unknown}</td>
      <td>{parcel.use ?? m.unknown}</td>
      <td>
        {parcel.projects.length === 0
          ? m.unknown
          : parcel.projects.map((project) => (
              <div key={project.id}>
                <a href={href('project', { projectId: project.id })}>{project.name}</a>
              </div>
            ))}
      </td>
      <td>
        {inUse ? (
          <span className="projects-muted">{m.inUse}</span>
        ) : revived ? (
          <span className="projects-muted">{m.alreadyRevived}</span>
        ) : !mayMove(user, [parcel.districtCode]) ? (
          <span className="projects-muted">{m.reviveNotYours}</span>
        ) : (
          <button
            type="button"
            className="button button-small"
            onClick={() => updateQuery({ revive: parcel.id })}
            data-testid={`revive-${parcel.id}`}
          >
            {m.revive}
          </button>
        )}
      </td>
    </tr>
  );
}

/** Turns a parcel into a 激活提升 project and opens it. */
function ReviveDialog({ parcel, onClose }: { parcel: LandParcel; onClose: () => void }) {
  const m = useMessages(projectsMessages);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [name, setName] = useState('');
  const [investment, setInvestment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setError(null);
    if (reason.trim().length < 2) return setProblem(m.reasonRequired);
    const planned = investment.trim() === '' ? undefined : Number(investment);
    if (planned !== undefined && !(Number.isFinite(planned) && planned >= 0))
      return setProblem(m.invalidNumber);
    setPending(true);
    try {
      const project = await reviveParcel(parcel.id, {
        reason: reason.trim(),
        ...(name.trim().length >= 2 ? { name: name.trim() } : {}),
        ...(planned === undefined ? {} : { investmentPlannedYi: planned }),
      });
      navigate(href('project', { projectId: project.id }));
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409) setProblem(m.reviveConflict);
      else if (caught instanceof ApiError && caught.status === 403) setProblem(m.forbiddenMove);
      else setError(caught);
      setPending(false);
    }
  }

  return (
    <dialog
      ref={dialogRef}
      className="projects-dialog"
      aria-labelledby="revive-title"
      onCancel={onClose}
      data-testid="revive-dialog"
    >
      <form className="projects-form" onSubmit={submit}>
        <h2 id="revive-title">{m.reviveTitle(parcel.name)}</h2>
        <p className="projects-muted">{m.reviveIntro}</p>
        <label>
          <span>{m.reason}</span>
          <textarea
            rows={3}
            value={reason}
            maxLength={500}
            onChange={(event) => setReason(event.target.value)}
            data-testid="revive-reason"
          />
        </label>
        <label>
          <span>{m.reviveName}</span>
          <input value={name} maxLength={120} onChange={(event) => setName(event.target.value)} />
        </label>
        <label>
          <span>{m.reviveInvestment}</span>
          <input
            inputMode="decimal"
            value={investment}
            onChange={(event) => setInvestment(event.target.value)}
            data-testid="revive-investment"
          />
        </label>
        {problem !== null && (
          <p className="projects-problem" role="alert">
            {problem}
          </p>
        )}
        {error !== null && <ErrorNotice error={error} />}
        <div className="projects-form-actions">
          <button type="button" className="button" onClick={onClose}>
            {m.cancel}
          </button>
          <button
            type="submit"
            className="button projects-button-primary"
            disabled={pending}
            data-testid="revive-submit"
          >
            {pending ? m.reviving : m.confirmRevive}
          </button>
        </div>
      </form>
    </dialog>
  );
}
