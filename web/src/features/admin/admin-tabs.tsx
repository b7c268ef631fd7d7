import { useMessages } from '../../lib/i18n.ts';
import { href } from '../../lib/routes.ts';
import { adminMessages } from './admin.messages.ts';

type AdminRoute = 'admin-map' | 'admin-imports' | 'admin-history' | 'admin-weights' | 'admin-users';

const tabs: {
  route: AdminRoute;
  label: 'tabMap' | 'tabImports' | 'tabHistory' | 'tabWeights' | 'tabUsers';
}[] = [
  { route: 'admin-map', label: 'tabMap' },
  { route: 'admin-imports', label: 'tabImports' },
  { route: 'admin-history', label: 'tabHistory' },
  { route: 'admin-weights', label: 'tabWeights' },
  { route: 'admin-users', label: 'tabUsers' },
];

/** The tab bar over every admin screen. */
export function AdminTabs({ current }: { current: AdminRoute }) {
  const m = useMessages(adminMessages);
  return (
    <nav className="admin-tabs" aria-label={m.tabsLabel} data-testid="admin-tabs">
      {tabs.map((tab) => (
        <a
          key={tab.route}
          href={href(tab.route, {})}
          className={tab.route === current ? 'admin-tab admin-tab-current' : 'admin-tab'}
          aria-current={tab.route === current ? 'page' : undefined}
          data-testid={`admin-tab-${tab.route}`}
        >
          {m[tab.label]}
        </a>
      ))}
    </nav>
  );
}
