import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { createCatalogRepository } from './graph/catalog.repository.ts';
import type { Database } from './graph/database.ts';
import { createDistrictRepository } from './graph/district.repository.ts';
import { createEnterpriseRepository } from './graph/enterprise.repository.ts';
import { createNeighbourhoodRepository } from './graph/neighbourhood.repository.ts';
import { apiNotFound, errorHandler, type Logger } from './http/error-handler.ts';
import { buildOpenApi } from './http/openapi.ts';
import { type RouteSpec, toHandler } from './http/route.ts';
import { catalogRoutes } from './http/routes/catalog.routes.ts';
import { districtRoutes } from './http/routes/districts.routes.ts';
import { enterpriseRoutes } from './http/routes/enterprises.routes.ts';
import { graphRoutes } from './http/routes/graph.routes.ts';
import { healthRoutes } from './http/routes/health.routes.ts';
import { IMPORTS_PATH, importRoutes, importUploadParser } from './http/routes/imports.routes.ts';
import { matcherRoutes } from './http/routes/matcher.routes.ts';

export interface AppDeps {
  db: Database;
  logger: Logger;
  /** Folder of the built web app; served with a fallback to `index.html` when present. */
  webDir?: string;
}

export function apiRoutes(db: Database): RouteSpec[] {
  return [
    ...healthRoutes(db),
    ...catalogRoutes(createCatalogRepository(db)),
    ...districtRoutes(createDistrictRepository(db)),
    ...enterpriseRoutes(createEnterpriseRepository(db)),
    ...graphRoutes(createNeighbourhoodRepository(db)),
    ...importRoutes(db),
    ...matcherRoutes(db),
  ];
}

/** Builds the HTTP app; listening and shutting down belong to `main.ts`. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(IMPORTS_PATH, importUploadParser);
  app.use(express.json({ limit: '1mb' }));

  const routes = apiRoutes(deps.db);
  const openApi = buildOpenApi(routes);
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  for (const route of routes) app[route.method](route.path, toHandler(route));
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
