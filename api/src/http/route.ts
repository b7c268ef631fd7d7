import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { type FieldIssue, ValidationError } from '../domain/errors.ts';

/**
 * One HTTP operation: its input schemas, its response schema and its handler. The router validates
 * input with the schemas before the handler runs, and the OpenAPI document is generated from them.
 */
export interface RouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express path, e.g. `/api/chains/:id`. */
  path: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** Extra error statuses this operation can answer, for the documentation. */
  errors?: number[];
  handler: (
    input: { params: z.output<P>; query: z.output<Q>; body: z.output<B> },
    res: Response,
  ) => Promise<z.input<R>>;
}

/** Keeps each spec's generic types while letting a list hold specs of different shapes. */
export function defineRoute<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
>(spec: RouteSpec<P, Q, B, R>): RouteSpec {
  return spec as unknown as RouteSpec;
}

export function validationErrorFrom(part: string, error: z.ZodError): ValidationError {
  const issues: FieldIssue[] = error.issues.map((issue) => ({
    path: [part, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  return invalidRequest(issues);
}

function invalidRequest(issues: FieldIssue[]): ValidationError {
  return new ValidationError(
    `Invalid request: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
    issues,
  );
}

export function toHandler(spec: RouteSpec): RequestHandler {
  return async (req: Request, res: Response) => {
    // Every part is checked before answering, so one 400 lists all the problems of a request.
    const issues: FieldIssue[] = [];
    const parse = (
      part: 'params' | 'query' | 'body',
      schema: z.ZodType | undefined,
      value: unknown,
    ): unknown => {
      if (!schema) return undefined;
      const parsed = schema.safeParse(value ?? {});
      if (parsed.success) return parsed.data;
      issues.push(...validationErrorFrom(part, parsed.error).issues);
      return undefined;
    };
    const input = {
      params: parse('params', spec.params, req.params),
      query: parse('query', spec.query, req.query),
      body: parse('body', spec.body, req.body),
    };
    if (issues.length > 0) throw invalidRequest(issues);
    const result = await spec.handler(input, res);
    if (!res.headersSent) res.json(result);
  };
}
