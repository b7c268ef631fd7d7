import { useSyncExternalStore } from 'react';

/**
 * A tiny dictionary-based i18n: Chinese first, English on request. Each feature keeps its own
 * dictionary (`defineMessages`), so features stay independent and a missing English key is a type error.
 */

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'zh-CN';

const storageKey = 'chainscout.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function readStoredLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey);
    return isLanguage(stored) ? stored : defaultLanguage;
  } catch {
    // Storage can be blocked (privacy settings); the default language still works.
    return defaultLanguage;
  }
}

let currentLanguage: Language = readStoredLanguage();
const listeners = new Set<() => void>();

function applyDocumentLanguage(language: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export function getLanguage(): Language {
  return currentLanguage;
}

export function setLanguage(language: Language): void {
  if (language === currentLanguage) return;
  currentLanguage = language;
  try {
    globalThis.localStorage?.setItem(storageKey, language);
  } catch {
    // Not persisting is acceptable; the switch still applies to this page.
  }
  applyDocumentLanguage(language);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, getLanguage, () => defaultLanguage);
}

applyDocumentLanguage(currentLanguage);

/** A message is plain text or a function that fills in values (counts, names). */
// `never[]` accepts any parameter list, so each message function keeps its own signature.
export type MessageValue = string | ((...args: never[]) => string);
export type Messages = Record<string, MessageValue>;
export type Dictionary<M extends Messages> = Record<Language, M>;

/** Chinese is the reference: the English dictionary must provide the same keys with the same signatures. */
export function defineMessages<M extends Messages>(dictionary: {
  'zh-CN': M;
  en: NoInfer<M>;
}): Dictionary<M> {
  return dictionary;
}

export function useMessages<M extends Messages>(dictionary: Dictionary<M>): M {
  return dictionary[useLanguage()];
}

/** Entities carry a Chinese `name` and an English `nameEn`; fall back to Chinese when no English name exists. */
export function pickName(language: Language, named: { name: string; nameEn: string }): string {
  return language === 'en' && named.nameEn.trim() !== '' ? named.nameEn : named.name;
}

/** The name in the other language, for a secondary line; empty when it would repeat the first. */
export function otherName(language: Language, named: { name: string; nameEn: string }): string {
  const other = language === 'en' ? named.name : named.nameEn;
  return other === pickName(language, named) ? '' : other;
}

export function formatCount(language: Language, value: number): string {
  return value.toLocaleString(language);
}
