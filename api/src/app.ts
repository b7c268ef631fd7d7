import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { type AuthOptions, type AuthService, createAuthService } from './domain/auth/auth.service.ts';
import { createUserAdminService } from './domain/auth/user-admin.service.ts';
import { createChainHealthService } from './domain/matcher/chain-health.ts';
import { createMatcherService } from './domain/matcher/matcher.service.ts';
import { defaultProfileName } from './domain/matcher/weight-profile.ts';
import { createAuditRepository } from './graph/audit.ts';
import { createCatalogRepository } from './graph/catalog.repository.ts';
import { cachedCatalog, cachedChainHealth } from './graph/catalog-cache.ts';
import type { Database } from './graph/database.ts';
import { createDistrictRepository } from './graph/district.repository.ts';
import { createEnterpriseRepository } from './graph/enterprise.repository.ts';
import { withOneVersionRead } from './graph/graph-version.ts';
import { createMapEditRepository } from './graph/map-edit.repository.ts';
import { createMatcherRepository } from './graph/matcher.repository.ts';
import { createNeighbourhoodRepository } from './graph/neighbourhood.repository.ts';
import { createHotReads, type HotReads } from './graph/read-cache.ts';
import { createSearchRepository } from './graph/search.repository.ts';
import { createAuthStore } from './graph/session.repository.ts';
import { createUserRepository } from './graph/user.repository.ts';
import { createWeightProfileRepository } from './graph/weight-profile.repository.ts';
import { bearerAuthenticator } from './http/bearer.ts';
import { apiNotFound, errorHandler, type Logger } from './http/error-handler.ts';
import { buildOpenApi } from './http/openapi.ts';
import { accessGate, type RouteSpec, toHandler } from './http/route.ts';
import { authRoutes } from './http/routes/auth.routes.ts';
import { catalogRoutes } from './http/routes/catalog.routes.ts';
import { districtRoutes } from './http/routes/districts.routes.ts';
import { enterpriseRoutes } from './http/routes/enterprises.routes.ts';
import { graphRoutes } from './http/routes/graph.routes.ts';
import { healthRoutes } from './http/routes/health.routes.ts';
import { IMPORTS_PATH, importRoutes, importUploadParser } from './http/routes/imports.routes.ts';
import { jointRoutes } from './http/routes/joint.routes.ts';
import { mapEditRoutes } from './http/routes/map-edit.routes.ts';
import { matcherRoutes } from './http/routes/matcher.routes.ts';
import { projectRoutes } from './http/routes/projects.routes.ts';
import { searchRoutes } from './http/routes/search.routes.ts';
import { userRoutes } from './http/routes/users.routes.ts';
import { type WarmUpReads, type WarmUpReport, warmUp } from './warm-up.ts';

export interface AppDeps {
  db: Database;
  logger: Logger;
  /** Folder of the built web app; served with a fallback to `index.html` when present. */
  webDir?: string;
  /** Session lifetime (12 h when left out), login throttling and the clock (tests move it). */
  auth?: Partial<AuthOptions>;
  /** Facts older than this many days are flagged `stale` (STALE_AFTER_DAYS; 730 when left out). */
  staleAfterDays?: number;
  /** When given, the read cache is filled in the background at once (see `warm-up.ts`) and this gets the report. */
  warmUp?: (report: WarmUpReport) => void;
}

export const defaultSessionTtlMs = 12 * 3_600_000;

interface Facts {
  staleAfterDays: number;
}

export function apiRoutes(
  db: Database,
  auth: AuthService,
  facts: Facts = { staleAfterDays: 730 },
  // Hot reads go through a cache keyed by the graph version; writing through `hot.db` tells it at once.
  hot: HotReads = createHotReads(db),
): RouteSpec[] {
  const enterprises = createEnterpriseRepository(db, facts);
  const { catalog, listHealth } = hotCatalog(hot, facts);
  return [
    ...healthRoutes(db),
    ...authRoutes(auth, createAuditRepository(db)),
    ...catalogRoutes(catalog, listHealth),
    ...districtRoutes(createDistrictRepository(db)),
    ...enterpriseRoutes(enterprises),
    ...searchRoutes(createSearchRepository(db, enterprises)),
    ...graphRoutes(createNeighbourhoodRepository(db)),
    ...importRoutes(hot.db),
    ...matcherRoutes(hot.db, hot.cache),
    ...jointRoutes(hot.db),
    ...projectRoutes(hot.db),
    ...mapEditRoutes(createMapEditRepository(hot.db)),
    ...userRoutes(createUserAdminService(createUserRepository(db), auth.forgetUser)),
  ];
}

/** The catalog and the chain overview, through the read cache. */
function hotCatalog(hot: HotReads, facts: Facts) {
  const catalog = cachedCatalog(createCatalogRepository(hot.db, facts), hot.cache);
  const chainHealth = createChainHealthService({
    listChainIds: async () => (await catalog.listChains()).map((chain) => chain.id),
    gapFacts: createMatcherRepository(hot.db, hot.cache).gapFacts,
  });
  return { catalog, listHealth: cachedChainHealth(chainHealth.listHealth, hot.cache) };
}

/** The reads a warm-up makes, through the same cache as the routes' (so the same keys). */
function warmUpReads(hot: HotReads, facts: Facts): WarmUpReads {
  const { catalog, listHealth } = hotCatalog(hot, facts);
  const matcher = createMatcherService(
    createMatcherRepository(hot.db, hot.cache),
    createWeightProfileRepository(hot.db),
  );
  return {
    chainIds: async () => (await catalog.listChains()).map((chain) => chain.id),
    overview: listHealth,
    gaps: (chainId) => matcher.chainGaps(chainId),
    targets: (chain) =>
      matcher.rankTargets({ chain, page: 1, limit: 20, profile: defaultProfileName, includeVetoed: false }),
  };
}

/** Builds the HTTP app; listening and shutting down belong to `main.ts`. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // The web app is same-origin scripts and styles; plain-HTTP deployments inside a network must not be
  // upgraded to HTTPS by the browser (TLS, where used, is terminated in front of the app).
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  const auth = createAuthService(createAuthStore(deps.db), {
    ...deps.auth,
    sessionTtlMs: deps.auth?.sessionTtlMs ?? defaultSessionTtlMs,
  });
  const authenticate = bearerAuthenticator(auth);
  // Only admins may make the server read a 50 MB upload.
  app.use(IMPORTS_PATH, accessGate('admin', authenticate), importUploadParser);
  app.use(express.json({ limit: '1mb' }));
  const facts = { staleAfterDays: deps.staleAfterDays ?? 730 };
  const hot = createHotReads(deps.db);
  const routes = apiRoutes(deps.db, auth, facts, hot);
  if (deps.warmUp) {
    const report = deps.warmUp;
    void warmUp(warmUpReads(hot, facts)).then(report);
  }
  // Serialised once: the document is large and never changes while the process runs.
  const openApiJson = JSON.stringify(buildOpenApi(routes));
  app.get('/api/openapi.json', (_req, res) => {
    res.type('application/json').send(openApiJson);
  });
  // Each API request reads the graph version once, however many cached reads it makes.
  app.use('/api', (_req, _res, next) => withOneVersionRead(next));
  for (const route of routes) app[route.method](route.path, toHandler(route, authenticate));
  app.use('/api', apiNotFound);

  if (deps.webDir && existsSync(path.join(deps.webDir, 'index.html'))) {
    const webDir = deps.webDir;
    app.use(express.static(webDir, { index: false, maxAge: '1h' }));
    app.get('/{*splat}', (_req, res) => {
      res.sendFile(path.join(webDir, 'index.html'));
    });
  }

  app.use(errorHandler(deps.logger));
  return app;
}
