import type { Role } from '../../../api/src/domain/auth/session-user.ts';
import { defineMessages, useMessages } from '../lib/i18n.ts';
import { href, type RouteName, type TopLevelRoute } from '../lib/routes.ts';

const messages = defineMessages({
  'zh-CN': {
    label: '主导航',
    overview: '总览',
    targets: '目标企业',
    districts: '区（市）县',
    proposals: '联合招商',
    projects: '项目库',
    alerts: '预警',
    rankings: '红黑榜',
    landParcels: '低效用地',
    admin: '管理',
  },
  en: {
    label: 'Main navigation',
    overview: 'Overview',
    targets: 'Targets',
    districts: 'Districts',
    proposals: 'Joint attraction',
    projects: 'Projects',
    alerts: 'Alerts',
    rankings: 'Red/black list',
    landParcels: 'Idle land',
    admin: 'Admin',
  },
});

type MessageKey = Exclude<keyof (typeof messages)['en'], 'label'>;

interface NavItem {
  route: TopLevelRoute;
  label: MessageKey;
  /** Routes that highlight this item too (a chain map belongs to the overview). */
  also: RouteName[];
  adminOnly?: boolean;
}

const items: NavItem[] = [
  { route: 'overview', label: 'overview', also: ['chain-map', 'enterprise'] },
  { route: 'targets', label: 'targets', also: [] },
  { route: 'districts', label: 'districts', also: ['district'] },
  { route: 'proposals', label: 'proposals', also: ['proposal', 'joint'] },
  { route: 'projects', label: 'projects', also: ['project'] },
  { route: 'alerts', label: 'alerts', also: [] },
  { route: 'rankings', label: 'rankings', also: [] },
  { route: 'land-parcels', label: 'landParcels', also: [] },
  {
    route: 'admin-map',
    label: 'admin',
    also: ['admin-imports', 'admin-history', 'admin-weights', 'admin-users'],
    adminOnly: true,
  },
];

export function AppNav({ current, role }: { current: RouteName | 'not-found'; role: Role }) {
  const m = useMessages(messages);
  return (
    <nav className="app-nav" aria-label={m.label} data-testid="app-nav">
      {items
        .filter((item) => !item.adminOnly || role === 'admin')
        .map((item) => {
          const active = item.route === current || item.also.some((name) => name === current);
          return (
            <a
              key={item.route}
              href={href(item.route, {})}
              className={active ? 'app-nav-item is-active' : 'app-nav-item'}
              aria-current={active ? 'page' : undefined}
              data-testid={`nav-${item.route}`}
            >
              {m[item.label]}
            </a>
          );
        })}
    </nav>
  );
}
