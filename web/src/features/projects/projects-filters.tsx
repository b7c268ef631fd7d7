import type { ReactNode } from 'react';
import { useLanguage, useMessages } from '../../lib/i18n.ts';
import { updateQuery } from '../../lib/routes.ts';
import { useDistricts } from './api/get-districts.ts';
import { projectsMessages } from './projects.messages.ts';

export interface FilterOption {
  value: string;
  label: string;
}

interface FilterSelectProps {
  name: string;
  label: string;
  value: string;
  allLabel?: string;
  options: FilterOption[];
}

/** A filter kept in the address: changing it starts again on page 1. */
export function FilterSelect({ name, label, value, allLabel, options }: FilterSelectProps) {
  return (
    <label className="projects-filter">
      <span>{label}</span>
      <select
        name={name}
        value={value}
        data-testid={`filter-${name}`}
        onChange={(event) => updateQuery({ [name]: event.target.value, page: null })}
      >
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The district filter, listing the city's districts, counties and zones. */
export function DistrictFilter({ value }: { value: string }) {
  const m = useMessages(projectsMessages);
  const language = useLanguage();
  const districts = useDistricts();
  const options =
    districts.status === 'success'
      ? districts.data.items.map((d) => ({
          value: d.code,
          label: language === 'en' && d.nameEn !== '' ? d.nameEn : d.name,
        }))
      : [];
  // Keep a value from the address selectable while the list loads (or when it failed).
  if (value !== '' && !options.some((o) => o.value === value)) options.unshift({ value, label: value });
  return (
    <FilterSelect
      name="district"
      label={m.district}
      value={value}
      allLabel={m.allDistricts}
      options={options}
    />
  );
}

export function FilterBar({ children }: { children: ReactNode }) {
  return <div className="projects-filter-bar">{children}</div>;
}

interface PagerProps {
  page: number;
  total: number;
  limit: number;
}

/** Page links kept in the address (`page=`), so the back button returns to the page seen. */
export function Pager({ page, total, limit }: PagerProps) {
  const m = useMessages(projectsMessages);
  const language = useLanguage();
  const pages = Math.max(1, Math.ceil(total / limit));
  if (pages <= 1) return null;
  return (
    <nav className="projects-pager" data-testid="pager">
      <button
        type="button"
        className="button button-small"
        disabled={page <= 1}
        onClick={() => updateQuery({ page: page - 1 === 1 ? null : page - 1 })}
      >
        {m.previousPage}
      </button>
      <span>{m.pageOf(page.toLocaleString(language), pages.toLocaleString(language))}</span>
      <button
        type="button"
        className="button button-small"
        disabled={page >= pages}
        onClick={() => updateQuery({ page: page + 1 })}
      >
        {m.nextPage}
      </button>
    </nav>
  );
}
