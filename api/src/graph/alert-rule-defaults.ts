import { defaultAlertRules } from '../domain/projects/alert-rules.ts';

/** Cypher text literal: schema statements run without parameters, so values are quoted here. */
const quoted = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/** One MERGE per default alert rule; an existing rule (maybe changed by an admin) is left as it is. */
export function defaultAlertRuleStatements(migration: number): string[] {
  return defaultAlertRules.map(
    (rule) =>
      `MERGE (r:AlertRule {id: ${quoted(rule.id)}})
       ON CREATE SET r.name = ${quoted(rule.name)}, r.kind = ${quoted(rule.kind)}, r.enabled = ${rule.enabled},
                     r.severity = ${quoted(rule.severity)}, r.params = ${quoted(JSON.stringify(rule.params))},
                     r.version = 1, r.updatedAt = datetime(), r.updatedBy = 'migration ${migration}'`,
  );
}
