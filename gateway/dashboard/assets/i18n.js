/* global localStorage, document */
// Every label of the page, Chinese first, from one dictionary (labels.json). Text the API
// returns (notes, reasons, messages) is shown as the API wrote it.
import labels from './labels.json' with { type: 'json' };

const STORAGE_KEY = 'devzone.dashboard.language';
export const LANGUAGES = ['zh', 'en'];

let language = LANGUAGES.includes(localStorage.getItem(STORAGE_KEY)) ? localStorage.getItem(STORAGE_KEY) : 'zh';

export function currentLanguage() {
  return language;
}

export function setLanguage(next) {
  if (!LANGUAGES.includes(next)) return;
  language = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
}

/**
 * The label `key` in the page's language, `{name}` replaced from `params`. A key missing from the
 * dictionary shows as ⟦key⟧, which the browser tests look for.
 */
export function t(key, params = {}) {
  const text = labels[language]?.[key] ?? labels.zh[key];
  if (text === undefined) return `⟦${key}⟧`;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (params[name] === undefined ? whole : String(params[name])));
}

/** The label for `key` when the dictionary has one, else `fallback` (enum values the API may add). */
export function tOr(key, fallback) {
  return labels[language]?.[key] ?? labels.zh[key] ?? fallback;
}

document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
