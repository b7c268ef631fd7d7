// PAGE-STUB: the overview page with chain health and search replaces this re-export.
export { ChainListPage as OverviewPage } from './chain-list-page.tsx';
