import { lazy, Suspense, useEffect } from 'react';
import { LoadingNotice } from '../components/status-notice.tsx';
import { LoginPage } from '../features/auth/login-page.tsx';
import { ChainListPage } from '../features/chains/chain-list-page.tsx';
import { defineMessages, useMessages } from '../lib/i18n.ts';
import { chainListHref, useRoute } from '../lib/routes.ts';
import { useSession } from '../lib/session.ts';
import { AppHeader } from './app-header.tsx';

// Cytoscape is most of the bundle; the chain list should not wait for it.
const ChainMapPage = lazy(() =>
  import('../features/chain-map/chain-map-page.tsx').then((module) => ({ default: module.ChainMapPage })),
);

const messages = defineMessages({
  'zh-CN': {
    documentTitle: 'ChainScout · 产业链精准招商',
    notFound: '没有这个页面。',
    home: '返回产业链列表',
  },
  en: {
    documentTitle: 'ChainScout · Industry-chain investment targeting',
    notFound: 'There is no such page.',
    home: 'Back to the chain list',
  },
});

export function App() {
  const route = useRoute();
  const session = useSession();
  const m = useMessages(messages);

  useEffect(() => {
    document.title = m.documentTitle;
  }, [m.documentTitle]);

  return (
    <div className="app">
      <AppHeader />
      <main className="app-main">
        {/* Every page needs a login; the address stays, so the page asked for opens after logging in. */}
        {!session && <LoginPage />}
        {session && route.name === 'chain-list' && <ChainListPage />}
        {/* Keyed by id so selection and pending requests never carry over to another chain. */}
        {session && route.name === 'chain-map' && (
          <Suspense fallback={<LoadingNotice />}>
            <ChainMapPage key={route.chainId} chainId={route.chainId} />
          </Suspense>
        )}
        {session && route.name === 'not-found' && (
          <div className="notice">
            <p>{m.notFound}</p>
            <a href={chainListHref()}>{m.home}</a>
          </div>
        )}
      </main>
    </div>
  );
}
