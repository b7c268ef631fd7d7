import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../../api/src/config.ts';
import {
  type LabelledText,
  type LinkClassifier,
  type LinkDescription,
  trainLinkClassifier,
} from '../../api/src/domain/classify/link-classifier.ts';
import { contentWords } from '../../api/src/domain/text/segment.ts';
import { seedFiles } from '../../graph-seeds/seed.schemas.ts';

/**
 * The seed's labelled firms (enterprises.jsonl: IN_LINK with evidence) and its links (chains.json), as the classifier
 * learns from them. Read once per process; training takes a fraction of a second.
 */

export const seedDataDir = path.join(projectRoot, 'graph-seeds', 'data');

/** The words a firm's text is classified by: business scope, main products, industry classes. */
export function classificationText(parts: {
  businessScope?: string | undefined;
  products?: readonly string[] | undefined;
  industry?: string | undefined;
  swClass?: string | undefined;
  csrcIndustry?: string | undefined;
}): string {
  return [parts.businessScope, ...(parts.products ?? []), parts.swClass, parts.industry, parts.csrcIndustry]
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .join(' ');
}

export interface SeedLabels {
  examples: LabelledText[];
  links: LinkDescription[];
  chains: { id: string; name: string }[];
}

function parseLines<S extends z.ZodType>(file: string, schema: S): z.output<S>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (line.trim() === '') return [];
      const parsed = schema.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return [parsed.data];
    });
}

export function readSeedLabels(dir = seedDataDir): SeedLabels {
  const chainsFile = path.join(dir, seedFiles.chains.file);
  const chains = z.array(seedFiles.chains.schema).parse(JSON.parse(readFileSync(chainsFile, 'utf8')));
  const links = chains.flatMap((c) => c.links.map((l) => ({ id: l.id, chainId: c.id, name: l.name })));
  const enterprises = parseLines(path.join(dir, seedFiles.enterprises.file), seedFiles.enterprises.schema);
  const examples = enterprises
    .map((e) => ({
      id: e.id,
      text: classificationText({ products: e.mainProducts, industry: e.industry, swClass: e.swIndustry }),
      linkIds: e.links.map((l) => l.linkId),
    }))
    .filter((e) => e.text !== '' && e.linkIds.length > 0);
  return { examples, links, chains: chains.map((c) => ({ id: c.id, name: c.name })) };
}

let cached: LinkClassifier | undefined;

/** The classifier trained on every labelled seed firm, built on first use. */
export function seedClassifier(): LinkClassifier {
  if (!cached) {
    const { examples, links } = readSeedLabels();
    cached = trainLinkClassifier(examples, links, contentWords);
  }
  return cached;
}
