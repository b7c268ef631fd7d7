import { z } from 'zod';
import type { RouteSpec } from './route.ts';
import { errorBodySchema } from './schemas/error.schemas.ts';

type JsonObject = Record<string, unknown>;

const errorDescriptions: Record<number, string> = {
  400: 'Invalid input; `details` lists each field path and problem',
  401: 'Not logged in, or the session expired: log in and send `Authorization: Bearer <token>`',
  403: 'Logged in, but not allowed to do this',
  404: 'Not found',
  409: 'Conflict',
  413: 'Body too large',
  429: 'Too many attempts; `Retry-After` says when to try again',
  503: 'The graph database is unavailable; retry later',
};

/** Properties of a query or path schema, as OpenAPI parameters. */
function parametersOf(schema: z.ZodType | undefined, location: 'query' | 'path'): JsonObject[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  const properties = (json.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set(json.required ?? []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
}

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function buildOpenApi(routes: RouteSpec[]): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const responses: JsonObject = {
      200: {
        description: 'OK',
        content: {
          'application/json': {
            schema: z.toJSONSchema(route.response, { io: 'output', unrepresentable: 'any' }),
          },
        },
      },
    };
    const access = route.access ?? 'user';
    const accessErrors = access === 'public' ? [] : access === 'admin' ? [401, 403] : [401];
    const statuses = [...new Set([400, ...accessErrors, 503, ...(route.errors ?? [])])].sort((a, b) => a - b);
    for (const status of statuses) {
      responses[status] = {
        description: errorDescriptions[status] ?? 'Error',
        content: { 'application/json': { schema: z.toJSONSchema(errorBodySchema) } },
      };
    }
    paths[path] = {
      ...paths[path],
      [route.method]: {
        summary: route.summary,
        tags: [route.tag],
        // Public operations override the document-wide bearer requirement with "no security".
        ...(access === 'public' ? { security: [] } : {}),
        parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')],
        ...(route.body
          ? {
              requestBody: {
                required: true,
                content: {
                  'application/json': {
                    schema: z.toJSONSchema(route.body, { io: 'input', unrepresentable: 'any' }),
                  },
                },
              },
            }
          : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'ChainScout API',
      version: '0.1.0',
      description: 'Industry-chain knowledge graph and targeted investment attraction (产业链精准招商).',
    },
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'The token from POST /api/auth/login',
        },
      },
    },
    security: [{ bearer: [] }],
  };
}
