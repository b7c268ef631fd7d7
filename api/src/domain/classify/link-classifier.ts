import { createHash } from 'node:crypto';
import { TfIdf } from 'natural/lib/natural/tfidf/index.js';

/**
 * Places a firm in a chain link from what it says it does (business scope, main products, industry class). Each link
 * gets a profile: one TF-IDF document of the words of the firms labelled in it (and of its own name), built once.
 * A text is scored by cosine similarity against every profile through an inverted index, so classifying costs one
 * pass over the text's words, not over the links. The best link's cosine is the confidence; below the threshold the
 * firm stays unclassified; the words that contributed most are kept as evidence.
 */

export interface LabelledText {
  id: string;
  text: string;
  linkIds: readonly string[];
}

export interface LinkDescription {
  id: string;
  chainId: string;
  name: string;
}

export interface Classification {
  linkId: string;
  /** Cosine similarity of the text to the link's profile, in [0, 1], rounded to 2 places. */
  confidence: number;
  /** The words that contributed most to the score, strongest first. */
  words: string[];
}

export interface LinkClassifier {
  /** The best link when its confidence reaches the threshold; undefined leaves the firm unclassified. */
  classify(text: string): Classification | undefined;
  /** The best link whatever its confidence (for measuring), undefined when no word of the text is known. */
  best(text: string): Classification | undefined;
  readonly threshold: number;
  /** Links with a profile. */
  readonly linkCount: number;
}

/**
 * The confidence below which a firm stays unclassified. Chosen from the held-out sweep in `docs/classification.md`
 * (`npm run bench:classification`): where link precision passes 85 % while four firms in five still get a link;
 * higher thresholds buy a few points of precision for a large loss of coverage.
 */
export const DEFAULT_CLASSIFY_THRESHOLD = 0.3;
const EVIDENCE_WORDS = 3;

interface Posting {
  link: number;
  weight: number;
}

export function trainLinkClassifier(
  examples: readonly LabelledText[],
  links: readonly LinkDescription[],
  tokenize: (text: string) => string[],
  options: { threshold?: number } = {},
): LinkClassifier {
  const threshold = options.threshold ?? DEFAULT_CLASSIFY_THRESHOLD;
  const known = new Map(links.map((l) => [l.id, l]));
  const words = new Map<string, string[]>();
  for (const link of links) words.set(link.id, [...tokenize(link.name)]);
  for (const example of examples) {
    const tokens = tokenize(example.text);
    for (const linkId of example.linkIds) {
      const list = words.get(linkId);
      if (list && known.has(linkId)) list.push(...tokens);
    }
  }
  const profiled = [...words.entries()]
    .filter(([, tokens]) => tokens.length > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const linkIds = profiled.map(([id]) => id);

  const tfidf = new TfIdf();
  for (const [, tokens] of profiled) tfidf.addDocument(tokens);
  const idf = new Map<string, number>();
  const postings = new Map<string, Posting[]>();
  // natural's document is a term → count map (plus its `__key`); weights are count × natural's idf.
  tfidf.documents.forEach((document, link) => {
    const terms = Object.entries(document)
      .filter(([term]) => term !== '__key')
      .map(([term, count]) => {
        const termIdf = idf.get(term) ?? tfidf.idf(term);
        idf.set(term, termIdf);
        return { term, weight: count * termIdf };
      });
    const norm = Math.sqrt(terms.reduce((sum, t) => sum + t.weight * t.weight, 0)) || 1;
    for (const t of terms) {
      const list = postings.get(t.term) ?? [];
      list.push({ link, weight: t.weight / norm });
      postings.set(t.term, list);
    }
  });

  const best = (text: string): Classification | undefined => {
    const counts = new Map<string, number>();
    for (const token of tokenize(text)) if (idf.has(token)) counts.set(token, (counts.get(token) ?? 0) + 1);
    if (counts.size === 0) return undefined;
    let norm = 0;
    for (const [term, n] of counts) norm += (n * (idf.get(term) ?? 0)) ** 2;
    norm = Math.sqrt(norm) || 1;
    const scores = new Float64Array(linkIds.length);
    for (const [term, n] of counts) {
      const q = (n * (idf.get(term) ?? 0)) / norm;
      for (const p of postings.get(term) ?? []) scores[p.link] = (scores[p.link] ?? 0) + q * p.weight;
    }
    let top = -1;
    for (let i = 0; i < scores.length; i++) if (top < 0 || (scores[i] ?? 0) > (scores[top] ?? 0)) top = i;
    const linkId = linkIds[top];
    const score = scores[top] ?? 0;
    if (linkId === undefined || score <= 0) return undefined;
    const contributions = [...counts]
      .map(([term, n]) => ({
        term,
        value:
          ((n * (idf.get(term) ?? 0)) / norm) *
          (postings.get(term)?.find((p) => p.link === top)?.weight ?? 0),
      }))
      .filter((c) => c.value > 0)
      .sort((a, b) => b.value - a.value || (a.term < b.term ? -1 : 1))
      .slice(0, EVIDENCE_WORDS)
      .map((c) => c.term);
    return { linkId, confidence: Math.round(Math.min(1, score) * 100) / 100, words: contributions };
  };

  return {
    threshold,
    linkCount: linkIds.length,
    best,
    classify(text) {
      const result = best(text);
      return result && result.confidence >= threshold ? result : undefined;
    },
  };
}

/** The evidence text kept on an IN_LINK the classifier placed. */
export const classifierEvidence = (c: Classification) => `classifier:${c.words.join(',')}`;

/** Deterministic split: a fixed fifth of the firms (by a hash of the id) is held out for measuring. */
export function isHeldOut(id: string, folds = 5): boolean {
  const digest = createHash('sha1').update(id).digest();
  return digest.readUInt32BE(0) % folds === 0;
}

export interface ChainScore {
  chainId: string;
  /** Held-out firms labelled in the chain. */
  labelled: number;
  /** Held-out firms the classifier put in the chain (at the threshold). */
  predicted: number;
  /** Of those, firms labelled in that chain. */
  correct: number;
  /** Of those, firms labelled in exactly the predicted link. */
  correctLink: number;
  precision: number | null;
  recall: number | null;
}

export interface Evaluation {
  threshold: number;
  heldOut: number;
  /** Share of held-out firms that got a link at the threshold. */
  coverage: number;
  /** Top link among the firm's labelled links, of firms classified. */
  linkPrecision: number | null;
  /** Firms whose top link is among their labelled links, of all held-out firms. */
  linkRecall: number;
  chainPrecision: number | null;
  chainRecall: number;
  perChain: ChainScore[];
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

/** Precision, recall and coverage of `classifier` on `heldOut`, overall and per chain, at `threshold`. */
export function evaluateClassifier(
  classifier: LinkClassifier,
  heldOut: readonly LabelledText[],
  chainOf: ReadonlyMap<string, string>,
  threshold: number,
): Evaluation {
  const perChain = new Map<string, Omit<ChainScore, 'precision' | 'recall'>>();
  const chain = (id: string) => {
    let score = perChain.get(id);
    if (!score) {
      score = { chainId: id, labelled: 0, predicted: 0, correct: 0, correctLink: 0 };
      perChain.set(id, score);
    }
    return score;
  };
  let classified = 0;
  let linkHits = 0;
  let chainHits = 0;
  for (const example of heldOut) {
    const chains = new Set(example.linkIds.flatMap((l) => chainOf.get(l) ?? []));
    for (const c of chains) chain(c).labelled++;
    const guess = classifier.best(example.text);
    if (!guess || guess.confidence < threshold) continue;
    classified++;
    const guessChain = chainOf.get(guess.linkId);
    if (guessChain === undefined) continue;
    const score = chain(guessChain);
    score.predicted++;
    if (chains.has(guessChain)) {
      score.correct++;
      chainHits++;
    }
    if (example.linkIds.includes(guess.linkId)) {
      score.correctLink++;
      linkHits++;
    }
  }
  return {
    threshold,
    heldOut: heldOut.length,
    coverage: heldOut.length === 0 ? 0 : classified / heldOut.length,
    linkPrecision: ratio(linkHits, classified),
    linkRecall: heldOut.length === 0 ? 0 : linkHits / heldOut.length,
    chainPrecision: ratio(chainHits, classified),
    chainRecall: heldOut.length === 0 ? 0 : chainHits / heldOut.length,
    perChain: [...perChain.values()]
      .sort((a, b) => (a.chainId < b.chainId ? -1 : 1))
      .map((s) => ({ ...s, precision: ratio(s.correct, s.predicted), recall: ratio(s.correct, s.labelled) })),
  };
}

/**
 * The baseline a classifier must beat: always answer the link most firms in the training set are labelled in.
 * Its precision is the share of held-out firms labelled in that link.
 */
export function majorityLinkPrecision(
  training: readonly LabelledText[],
  heldOut: readonly LabelledText[],
): number {
  const counts = new Map<string, number>();
  for (const e of training) for (const l of e.linkIds) counts.set(l, (counts.get(l) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  if (top === undefined || heldOut.length === 0) return 0;
  return heldOut.filter((e) => e.linkIds.includes(top)).length / heldOut.length;
}
