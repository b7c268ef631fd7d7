import { type ComponentType, type LazyExoticComponent, lazy, Suspense, useEffect } from 'react';
import { LoadingNotice } from '../components/status-notice.tsx';
import { LoginPage } from '../features/auth/login-page.tsx';
import { defineMessages, useMessages } from '../lib/i18n.ts';
import { overviewHref, type PageProps, type RouteName, useRoute } from '../lib/routes.ts';
import { useSession } from '../lib/session.ts';
import { AppHeader } from './app-header.tsx';
import { AppNav } from './app-nav.tsx';

type Page<N extends RouteName> = LazyExoticComponent<ComponentType<PageProps<N>>>;

/** Loads a page's code on first visit: Cytoscape and the admin screens should not slow the first page. */
function page<N extends RouteName>(
  load: () => Promise<Record<string, unknown>>,
  exportName: string,
): Page<N> {
  return lazy(() =>
    load().then((module) => ({ default: module[exportName] as ComponentType<PageProps<N>> })),
  );
}

// One entry per route: the type makes a route without a page a compile error.
const pages: { [N in RouteName]: Page<N> } = {
  overview: page(() => import('../features/chains/overview-page.tsx'), 'OverviewPage'),
  'chain-map': page(() => import('../features/chain-map/chain-map-page.tsx'), 'ChainMapPage'),
  enterprise: page(() => import('../features/enterprise/enterprise-page.tsx'), 'EnterprisePage'),
  targets: page(() => import('../features/targets/target-finder-page.tsx'), 'TargetFinderPage'),
  districts: page(() => import('../features/districts/district-list-page.tsx'), 'DistrictListPage'),
  district: page(() => import('../features/districts/district-page.tsx'), 'DistrictPage'),
  joint: page(() => import('../features/joint/joint-page.tsx'), 'JointPage'),
  proposals: page(() => import('../features/proposals/proposal-inbox-page.tsx'), 'ProposalInboxPage'),
  proposal: page(() => import('../features/proposals/proposal-page.tsx'), 'ProposalPage'),
  projects: page(() => import('../features/projects/project-board-page.tsx'), 'ProjectBoardPage'),
  project: page(() => import('../features/projects/project-page.tsx'), 'ProjectPage'),
  alerts: page(() => import('../features/projects/alerts-page.tsx'), 'AlertsPage'),
  rankings: page(() => import('../features/projects/rankings-page.tsx'), 'RankingsPage'),
  'land-parcels': page(() => import('../features/projects/land-parcels-page.tsx'), 'LandParcelsPage'),
  'admin-map': page(() => import('../features/admin/admin-map-page.tsx'), 'AdminMapPage'),
  'admin-imports': page(() => import('../features/admin/admin-imports-page.tsx'), 'AdminImportsPage'),
  'admin-history': page(() => import('../features/admin/admin-history-page.tsx'), 'AdminHistoryPage'),
  'admin-weights': page(() => import('../features/admin/admin-weights-page.tsx'), 'AdminWeightsPage'),
  'admin-users': page(() => import('../features/admin/admin-users-page.tsx'), 'AdminUsersPage'),
};

const messages = defineMessages({
  'zh-CN': {
    documentTitle: 'ChainScout · 产业链精准招商',
    notFound: '没有这个页面。',
    adminOnly: '这个页面仅限管理员使用。',
    home: '返回总览',
  },
  en: {
    documentTitle: 'ChainScout · Industry-chain investment targeting',
    notFound: 'There is no such page.',
    adminOnly: 'This page is for administrators only.',
    home: 'Back to the overview',
  },
});

export function App() {
  const route = useRoute();
  const session = useSession();
  const m = useMessages(messages);

  useEffect(() => {
    document.title = m.documentTitle;
  }, [m.documentTitle]);

  let content: React.ReactNode;
  if (!session) {
    // Every page needs a login; the address stays, so the page asked for opens after logging in.
    content = <LoginPage />;
  } else if (route.name === 'not-found') {
    content = <Notice text={m.notFound} home={m.home} />;
  } else if (route.name.startsWith('admin-') && session.user.role !== 'admin') {
    // The API refuses these too; this only spares the user a page of errors.
    content = <Notice text={m.adminOnly} home={m.home} />;
  } else {
    const RoutePage = pages[route.name] as ComponentType<PageProps<RouteName>>;
    content = (
      <Suspense fallback={<LoadingNotice />}>
        {/* Keyed by path parameters so state and pending requests never carry over to another entity. */}
        <RoutePage
          key={`${route.name}:${JSON.stringify(route.params)}`}
          params={route.params}
          query={route.query}
        />
      </Suspense>
    );
  }

  return (
    <div className="app">
      <AppHeader />
      {session && <AppNav current={route.name} role={session.user.role} />}
      <main className="app-main">{content}</main>
    </div>
  );
}

function Notice({ text, home }: { text: string; home: string }) {
  return (
    <div className="notice">
      <p>{text}</p>
      <a href={overviewHref()}>{home}</a>
    </div>
  );
}
