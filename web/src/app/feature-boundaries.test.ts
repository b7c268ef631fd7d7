import { describe, expect, it } from 'vitest';

// Features stay independent so each can change alone; only app/ composes them.
const sources = import.meta.glob<string>(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function importsOf(source: string): string[] {
  return [...source.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)].map((match) => match[1] ?? '');
}

/** The feature folder a file lives in, or null for app/, lib/ and components/. */
function featureOf(path: string): string | null {
  return /\/features\/([^/]+)\//.exec(path)?.[1] ?? null;
}

describe('web layering', () => {
  it('finds the source files', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(5);
  });

  it('keeps features from importing one another', () => {
    const violations: string[] = [];
    for (const [path, source] of Object.entries(sources)) {
      const feature = featureOf(path);
      if (feature === null) continue;
      for (const specifier of importsOf(source)) {
        const target = featureOf(
          new URL(specifier, `file:///web/src/${path.replace(/^\.\.\//, '')}`).pathname,
        );
        if (specifier.startsWith('.') && target !== null && target !== feature) {
          violations.push(`${path} imports ${specifier}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps lib/ and components/ free of feature and app imports', () => {
    const violations: string[] = [];
    for (const [path, source] of Object.entries(sources)) {
      if (!/^\.\.\/(lib|components)\//.test(path)) continue;
      for (const specifier of importsOf(source)) {
        if (/\/(features|app)\//.test(specifier)) violations.push(`${path} imports ${specifier}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
