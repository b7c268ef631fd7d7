import { useMemo, useState } from 'react';
import type {
  CoalitionBody,
  DistrictFitReportBody,
  ShareComparisonBody,
} from '../../../../api/src/http/schemas/joint.schemas.ts';
import { ErrorNotice, LoadingNotice } from '../../components/status-notice.tsx';
import { formatCount, useLanguage, useMessages } from '../../lib/i18n.ts';
import { enterpriseHref, href, navigate, type PageProps, updateQuery } from '../../lib/routes.ts';
import { useSession } from '../../lib/session.ts';
import { createDraftProposal, useDistrictFit, useShareComparison } from './api/joint-queries.ts';
import { jointMessages } from './joint.messages.ts';
import { ShareChart } from './share-chart.tsx';
import {
  buildScenarios,
  type CalculatorInputs,
  defaultInputs,
  type MetricKey,
  metricKeys,
  type Party,
  type RuleKey,
  ruleKeys,
  toChartRows,
  toYearRows,
} from './share-scenarios.ts';
import './joint.css';

type Messages = (typeof jointMessages)['zh-CN'];

export function JointPage({ params, query }: PageProps<'joint'>) {
  const m = useMessages(jointMessages);
  const report = useDistrictFit(params.enterpriseId);
  return (
    <section className="page joint-page">
      <nav className="breadcrumb">
        <a href={href('targets', {})}>{m.back}</a>
      </nav>
      {report.status === 'loading' && <LoadingNotice />}
      {report.status === 'error' && (
        <ErrorNotice error={report.error} onRetry={report.retry} notFoundText={m.notFound} />
      )}
      {report.status === 'success' && <JointView report={report.data} query={query} />}
    </section>
  );
}

function JointView({ report, query }: { report: DistrictFitReportBody; query: URLSearchParams }) {
  const m = useMessages(jointMessages);
  const coalitionParam = query.get('coalition') ?? '';
  const selected =
    report.coalitions.find((c) => c.codes.join(',') === coalitionParam) ?? report.coalitions[0] ?? null;
  const fitting = report.districts.filter((d) => d.score > 0);

  return (
    <>
      <header className="page-header">
        <h1 data-testid="joint-title">{m.title(report.target.name)}</h1>
        <p className="page-intro">{m.intro}</p>
        <p className="joint-meta">
          <a href={enterpriseHref(report.target.id)}>{m.enterprise}</a>
          {report.target.links.length > 0 && (
            <span>
              {m.links}：{report.target.links.map((l) => `${l.chainName} / ${l.name}`).join('；')}
            </span>
          )}
          {report.target.synthetic && <span className="badge badge-unverified">{m.synthetic}</span>}
        </p>
      </header>

      <section className="joint-section" aria-labelledby="joint-fit">
        <h2 id="joint-fit">{m.fitTitle}</h2>
        {fitting.length === 0 ? (
          <p className="notice notice-quiet">{m.fitEmpty}</p>
        ) : (
          <>
            <table className="joint-table" data-testid="joint-fit">
              <thead>
                <tr>
                  <th scope="col">{m.fitRank}</th>
                  <th scope="col">{m.fitDistrict}</th>
                  <th scope="col">{m.fitScore}</th>
                  <th scope="col" className="numeric">
                    {m.priority}
                  </th>
                  <th scope="col" className="numeric">
                    {m.ecosystem}
                  </th>
                  <th scope="col" className="numeric">
                    {m.supply}
                  </th>
                  <th scope="col" className="numeric">
                    {m.land}
                  </th>
                  <th scope="col">{m.fitReasons}</th>
                </tr>
              </thead>
              <tbody>
                {fitting.map((d) => (
                  <tr key={d.code} data-testid={`fit-${d.code}`}>
                    <td>{d.rank}</td>
                    <td>
                      <a href={href('district', { districtCode: d.code })}>{d.name}</a>
                    </td>
                    <td>
                      <span className="joint-meter">
                        <span style={{ width: `${Math.round(d.score * 100)}%` }} />
                      </span>
                      <span className="joint-number">{d.score.toFixed(3)}</span>
                    </td>
                    <td className="numeric">{d.components.priority.toFixed(2)}</td>
                    <td className="numeric">{d.components.ecosystem.toFixed(2)}</td>
                    <td className="numeric">{d.components.supply.toFixed(2)}</td>
                    <td className="numeric">{d.components.land.toFixed(2)}</td>
                    <td>
                      <ul className="joint-reasons">
                        {d.reasons.map((r, i) => (
                          <li key={`${r.kind}-${i}`}>{r.text}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {report.districts.length > fitting.length && (
              <p className="joint-muted">{m.fitMore(report.districts.length - fitting.length)}</p>
            )}
          </>
        )}
      </section>

      <section className="joint-section" aria-labelledby="joint-coalitions">
        <h2 id="joint-coalitions">{m.coalitionsTitle}</h2>
        {report.coalitions.length === 0 ? (
          <p className="notice notice-quiet">{m.coalitionsEmpty}</p>
        ) : (
          <div className="joint-coalitions">
            {report.coalitions.map((c) => (
              <CoalitionCard
                key={c.codes.join(',')}
                coalition={c}
                selected={selected === c}
                onSelect={() => updateQuery({ coalition: c.codes.join(',') })}
              />
            ))}
          </div>
        )}
      </section>

      {selected && (
        <ShareCalculator
          key={selected.codes.join(',')}
          coalition={selected}
          enterpriseId={report.target.id}
          enterpriseName={report.target.name}
          rule={readRule(query.get('rule'))}
          metric={readMetric(query.get('metric'))}
        />
      )}
    </>
  );
}

function readRule(value: string | null): RuleKey {
  return ruleKeys.find((k) => k === value) ?? 'shapley';
}

function readMetric(value: string | null): MetricKey {
  return metricKeys.find((k) => k === value) ?? 'tax';
}

function CoalitionCard({
  coalition,
  selected,
  onSelect,
}: {
  coalition: CoalitionBody;
  selected: boolean;
  onSelect: () => void;
}) {
  const m = useMessages(jointMessages);
  return (
    <article
      className={selected ? 'joint-coalition is-selected' : 'joint-coalition'}
      data-testid={`coalition-${coalition.codes.join(',')}`}
    >
      <h3>{coalition.members.map((member) => member.name).join(' + ')}</h3>
      <p className="joint-coalition-value">
        {m.coalitionValue(coalition.value.toFixed(3))} ·{' '}
        {m.coalitionGain(coalition.gain.toFixed(3), coalition.bestSingle.name)}
      </p>
      <ul className="joint-members">
        {coalition.members.map((member) => (
          <li key={member.code}>
            <span className={`joint-role joint-role-${member.role}`}>{m[member.role]}</span>
            <strong>{member.name}</strong>
            <span className="joint-muted">
              {m.shapley(member.shapley.toFixed(4), `${(member.share * 100).toFixed(2)}%`)}
            </span>
          </li>
        ))}
      </ul>
      <p className="joint-coalition-text">{coalition.text}</p>
      {selected ? (
        <span className="badge joint-selected">{m.selected}</span>
      ) : (
        <button type="button" className="button button-small" onClick={onSelect}>
          {m.useCoalition}
        </button>
      )}
    </article>
  );
}

const metricLabel = (m: Messages, metric: MetricKey) =>
  metric === 'investment' ? m.investmentMetric : metric === 'jobs' ? m.jobsMetric : m[metric];

function ShareCalculator({
  coalition,
  enterpriseId,
  enterpriseName,
  rule,
  metric,
}: {
  coalition: CoalitionBody;
  enterpriseId: string;
  enterpriseName: string;
  rule: RuleKey;
  metric: MetricKey;
}) {
  const m = useMessages(jointMessages);
  const parties: Party[] = useMemo(
    () => coalition.members.map((member) => ({ code: member.code, name: member.name, role: member.role })),
    [coalition],
  );
  const [inputs, setInputs] = useState<CalculatorInputs>(() =>
    defaultInputs(parties, new Date().getFullYear() + 1),
  );
  const scenarios = useMemo(() => buildScenarios(inputs, parties), [inputs, parties]);
  const request = useMemo(
    () => ({
      parties: parties.map((p) => ({ code: p.code, role: p.role })),
      target: { kind: 'enterprise' as const, id: enterpriseId },
      scenarios,
    }),
    [parties, enterpriseId, scenarios],
  );
  const comparison = useShareComparison(request);

  return (
    <section className="joint-section" aria-labelledby="joint-calculator" data-testid="share-calculator">
      <h2 id="joint-calculator">{m.calculatorTitle}</h2>
      <p className="joint-muted">{m.calculatorIntro}</p>
      <CalculatorForm inputs={inputs} parties={parties} onChange={setInputs} />
      <div className="joint-metric-switch">
        <span>{m.metric}</span>
        {metricKeys.map((key) => (
          <button
            key={key}
            type="button"
            aria-pressed={key === metric}
            className={key === metric ? 'button button-small is-active' : 'button button-small'}
            onClick={() => updateQuery({ metric: key })}
            data-testid={`metric-${key}`}
          >
            {metricLabel(m, key)}
          </button>
        ))}
      </div>
      {comparison.status === 'loading' && <LoadingNotice label={m.computing} />}
      {comparison.status === 'error' && <ErrorNotice error={comparison.error} onRetry={comparison.retry} />}
      {comparison.status === 'success' && (
        <ComparisonView
          comparison={comparison.data}
          metric={metric}
          rule={rule}
          parties={parties}
          enterpriseId={enterpriseId}
          enterpriseName={enterpriseName}
          termsByRule={Object.fromEntries(scenarios.map((s) => [s.key, s.terms]))}
        />
      )}
    </section>
  );
}

function NumberField({
  label,
  value,
  onChange,
  min = 0,
  max,
  step = 1,
  testId,
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  min?: number;
  max?: number;
  step?: number;
  testId?: string;
}) {
  return (
    <label className="joint-field">
      <span>{label}</span>
      <input
        type="number"
        value={Number.isFinite(value) ? value : ''}
        min={min}
        max={max}
        step={step}
        onChange={(e) => {
          const next = e.target.valueAsNumber;
          if (Number.isFinite(next)) onChange(next);
        }}
        data-testid={testId}
      />
    </label>
  );
}

function CalculatorForm({
  inputs,
  parties,
  onChange,
}: {
  inputs: CalculatorInputs;
  parties: Party[];
  onChange: (inputs: CalculatorInputs) => void;
}) {
  const m = useMessages(jointMessages);
  const set =
    <K extends keyof CalculatorInputs>(key: K) =>
    (value: CalculatorInputs[K]) =>
      onChange({ ...inputs, [key]: value });
  const perParty = (key: 'fixedPercent' | 'weights' | 'taperPercent', code: string) => (value: number) =>
    onChange({ ...inputs, [key]: { ...inputs[key], [code]: value } });
  const sum = (record: Record<string, number>) => parties.reduce((s, p) => s + (record[p.code] ?? 0), 0);

  return (
    <div className="joint-form">
      <fieldset>
        <legend>{m.projection}</legend>
        <NumberField
          label={m.investment}
          value={inputs.investment}
          onChange={set('investment')}
          step={1000}
        />
        <NumberField label={m.buildYears} value={inputs.buildYears} onChange={set('buildYears')} max={10} />
        <NumberField
          label={m.annualOutput}
          value={inputs.annualOutput}
          onChange={set('annualOutput')}
          step={1000}
        />
        <NumberField
          label={m.annualTax}
          value={inputs.annualTax}
          onChange={set('annualTax')}
          step={100}
          testId="input-tax"
        />
        <NumberField label={m.jobs} value={inputs.jobs} onChange={set('jobs')} step={10} />
        <NumberField
          label={m.rampYears}
          value={inputs.rampYears}
          onChange={set('rampYears')}
          min={1}
          max={10}
        />
        <NumberField
          label={m.startYear}
          value={inputs.startYear}
          onChange={set('startYear')}
          min={2000}
          max={2100}
        />
        <NumberField label={m.years} value={inputs.years} onChange={set('years')} min={1} max={50} />
        <NumberField
          label={m.cityToken}
          value={inputs.cityTokenPercent}
          onChange={set('cityTokenPercent')}
          max={10}
          step={0.5}
        />
      </fieldset>
      <fieldset>
        <legend>{m.fixedShares}</legend>
        {parties.map((p) => (
          <NumberField
            key={p.code}
            label={p.name}
            value={inputs.fixedPercent[p.code] ?? 0}
            onChange={perParty('fixedPercent', p.code)}
            max={100}
            testId={`fixed-${p.code}`}
          />
        ))}
        <PercentSum sum={sum(inputs.fixedPercent)} />
      </fieldset>
      <fieldset>
        <legend>{m.weights}</legend>
        {parties.map((p) => (
          <NumberField
            key={p.code}
            label={p.name}
            value={inputs.weights[p.code] ?? 0}
            onChange={perParty('weights', p.code)}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{m.taper}</legend>
        <NumberField
          label={m.taperAfter}
          value={inputs.taperAfter}
          onChange={set('taperAfter')}
          min={1}
          max={49}
        />
        {parties.map((p) => (
          <NumberField
            key={p.code}
            label={`${m.taperShares} ${p.name}`}
            value={inputs.taperPercent[p.code] ?? 0}
            onChange={perParty('taperPercent', p.code)}
            max={100}
          />
        ))}
        <PercentSum sum={sum(inputs.taperPercent)} />
      </fieldset>
      <fieldset>
        <legend>{m.stock}</legend>
        <NumberField
          label={m.existingOutput}
          value={inputs.existingOutput}
          onChange={set('existingOutput')}
          step={1000}
        />
        <NumberField
          label={m.existingTax}
          value={inputs.existingTax}
          onChange={set('existingTax')}
          step={100}
        />
        <NumberField
          label={m.existingJobs}
          value={inputs.existingJobs}
          onChange={set('existingJobs')}
          step={10}
        />
      </fieldset>
    </div>
  );
}

function PercentSum({ sum }: { sum: number }) {
  const m = useMessages(jointMessages);
  const ok = Math.abs(sum - 100) < 1e-9;
  return (
    <p className={ok ? 'joint-sum' : 'joint-sum joint-sum-wrong'}>
      {m.percentSum(Math.round(sum * 100) / 100)}
      {!ok && ` · ${m.percentWrong}`}
    </p>
  );
}

function ComparisonView({
  comparison,
  metric,
  rule,
  parties,
  enterpriseId,
  enterpriseName,
  termsByRule,
}: {
  comparison: ShareComparisonBody;
  metric: MetricKey;
  rule: RuleKey;
  parties: Party[];
  enterpriseId: string;
  enterpriseName: string;
  termsByRule: Record<string, unknown>;
}) {
  const m = useMessages(jointMessages);
  const language = useLanguage();
  const rows = toChartRows(comparison, metric);
  const scenario = comparison.scenarios.find((s) => s.key === rule);
  const table = scenario?.table ?? null;
  const beneficiaries =
    comparison.scenarios.find((s) => s.table && s.table.beneficiaries.length > parties.length)?.table
      ?.beneficiaries ?? comparison.parties;
  const unit = metric === 'jobs' ? m.unitJobs : m.unitYuan;
  const ruleLabel = (key: string) => m[`rule${readRule(key)}`];

  return (
    <>
      <h3 className="joint-chart-title">{m.chartTitle(metricLabel(m, metric), unit)}</h3>
      <ShareChart
        rows={rows}
        beneficiaries={beneficiaries}
        ruleLabel={ruleLabel}
        failedLabel={m.ruleFailed}
        label={m.chartLabel}
        selectedKey={rule}
        onSelect={(key) => updateQuery({ rule: key })}
      />
      <div className="joint-rule-switch">
        <span>{m.yearTableFor}</span>
        {ruleKeys.map((key) => (
          <button
            key={key}
            type="button"
            aria-pressed={key === rule}
            className={key === rule ? 'button button-small is-active' : 'button button-small'}
            onClick={() => updateQuery({ rule: key })}
            data-testid={`rule-${key}`}
          >
            {ruleLabel(key)}
          </button>
        ))}
      </div>
      <h3 className="joint-chart-title">
        {m.yearTable} · {ruleLabel(rule)}
      </h3>
      {table === null ? (
        <p className="notice notice-error">
          {m.ruleFailed}
          {scenario?.issues.map((i) => i.message).join('；')}
        </p>
      ) : (
        <div className="joint-year-tables" data-testid="year-tables">
          {table.beneficiaries.map((b) => (
            <table key={b.code} className="joint-table joint-year-table" data-testid={`year-table-${b.code}`}>
              <caption>{b.name}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.year}</th>
                  {metricKeys.map((key) => (
                    <th key={key} scope="col" className="numeric">
                      {metricLabel(m, key)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {toYearRows(table, b.code).map((row) => (
                  <tr key={row.year}>
                    <th scope="row">{row.year}</th>
                    {metricKeys.map((key) => (
                      <td key={key} className="numeric">
                        {formatCount(language, row.values[key])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{m.total}</th>
                  {metricKeys.map((key) => (
                    <td key={key} className="numeric">
                      {formatCount(
                        language,
                        table.metrics.find((x) => x.metric === key)?.totals.credited[b.code] ?? 0,
                      )}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          ))}
        </div>
      )}
      <DraftProposal
        parties={parties}
        enterpriseId={enterpriseId}
        enterpriseName={enterpriseName}
        rule={rule}
        ruleLabel={ruleLabel(rule)}
        terms={table === null ? null : termsByRule[rule]}
      />
    </>
  );
}

function DraftProposal({
  parties,
  enterpriseId,
  enterpriseName,
  rule,
  ruleLabel,
  terms,
}: {
  parties: Party[];
  enterpriseId: string;
  enterpriseName: string;
  rule: RuleKey;
  ruleLabel: string;
  terms: unknown;
}) {
  const m = useMessages(jointMessages);
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const district = session?.user.districtCode ?? null;
  const isParty = session?.user.role === 'district' && parties.some((p) => p.code === district);

  const draft = () => {
    setBusy(true);
    setError(null);
    createDraftProposal({
      parties: parties.map((p) => ({ code: p.code, role: p.role })),
      target: { kind: 'enterprise', id: enterpriseId },
      terms,
      title: `${enterpriseName} 联合招引（${ruleLabel}）`,
    }).then(
      (proposal) => navigate(href('proposal', { proposalId: proposal.id })),
      (failure: unknown) => {
        setBusy(false);
        setError(failure);
      },
    );
  };

  return (
    <div className="joint-draft" data-testid="draft-proposal">
      <h3>{m.draftTitle}</h3>
      {!isParty ? (
        <p className="joint-muted">{m.draftOnlyParty}</p>
      ) : terms === null ? (
        <p className="joint-muted">{m.draftUnavailable}</p>
      ) : (
        <>
          <p className="joint-muted">{m.draftHint(ruleLabel)}</p>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={draft}
            data-testid={`draft-${rule}`}
          >
            {busy ? m.drafting : m.draftButton}
          </button>
        </>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}
