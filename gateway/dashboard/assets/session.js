/* global sessionStorage */
// The analyst's credential for this tab: kept in sessionStorage, gone when the tab closes.

const STORAGE_KEY = 'devzone.dashboard.authorization';

/**
 * The `Authorization` value for what was pasted: a whole header value (`ApiKey dzk_…`, `Bearer …`)
 * as it is, a bare key (`dzk_…`) as `ApiKey`, anything else as a `Bearer` token; null when blank.
 */
export function authorizationFor(pasted) {
  const text = String(pasted ?? '')
    .trim()
    .replace(/^authorization:\s*/i, '');
  if (text === '') return null;
  if (/^(apikey|bearer)\s+\S+$/i.test(text)) return text.replace(/\s+/, ' ');
  if (text.startsWith('dzk_')) return `ApiKey ${text}`;
  return `Bearer ${text}`;
}

export function storedAuthorization() {
  return sessionStorage.getItem(STORAGE_KEY);
}

export function storeAuthorization(authorization) {
  sessionStorage.setItem(STORAGE_KEY, authorization);
}

export function forgetAuthorization() {
  sessionStorage.removeItem(STORAGE_KEY);
}
