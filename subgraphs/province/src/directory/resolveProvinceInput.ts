import { ERRORS } from '@devzone/errors';

/** A province as the directory names it. */
export interface ProvinceName {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

/** Suffixes of province-level divisions that analysts often leave out (安徽 for 安徽省). */
const ZH_SUFFIXES = ['省', '市', '自治区'];

/** NFKC folds full-width letters (ＡＮＨＵＩ) and spaces; case and surrounding space never matter. */
function normalise(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Every spelling that names this province: code, English name, Chinese name with and without its suffix. */
function spellingsOf(province: ProvinceName): string[] {
  const zh = normalise(province.nameZh);
  const suffix = ZH_SUFFIXES.find((s) => zh.endsWith(s) && zh.length > s.length);
  return [normalise(province.code), normalise(province.nameEn), zh, ...(suffix ? [zh.slice(0, -suffix.length)] : [])];
}

/** `anhui (安徽省, Anhui), fujian (福建省, Fujian)`: in code order, for error messages. */
export function describeProvinces(provinces: readonly ProvinceName[]): string {
  return [...provinces]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((p) => `${p.code} (${p.nameZh}, ${p.nameEn})`)
    .join(', ');
}

/**
 * The province code an analyst's input names, or null. Accepts the code, the
 * English name and the Chinese name with or without 省, in any case.
 */
export function matchProvince(input: string, provinces: readonly ProvinceName[]): string | null {
  const wanted = normalise(input);
  if (wanted === '') return null;
  return provinces.find((p) => spellingsOf(p).includes(wanted))?.code ?? null;
}

/** As matchProvince, but an unknown input is a BAD_USER_INPUT naming `field` and listing the valid provinces. */
export function resolveProvinceInput(input: string, provinces: readonly ProvinceName[], field: string): string {
  const code = matchProvince(input, provinces);
  if (code === null) {
    throw ERRORS.BAD_USER_INPUT.err(`${field}: unknown province "${input}"; valid: ${describeProvinces(provinces)}`, { field });
  }
  return code;
}

/**
 * Resolves a list of province inputs to distinct codes in the order given.
 * Errors name the list `field` (every unknown input at once, or two inputs naming one province).
 */
export function resolveProvinceInputs(inputs: readonly string[], provinces: readonly ProvinceName[], field: string): string[] {
  const codes = inputs.map((input) => matchProvince(input, provinces));
  const unknown = inputs.filter((_, i) => codes[i] === null);
  if (unknown.length > 0) {
    const listed = unknown.map((u) => `"${u}"`).join(', ');
    throw ERRORS.BAD_USER_INPUT.err(`${field}: unknown province${unknown.length > 1 ? 's' : ''} ${listed}; valid: ${describeProvinces(provinces)}`, { field });
  }
  const seen = new Map<string, string>();
  inputs.forEach((input, i) => {
    const code = codes[i]!;
    const earlier = seen.get(code);
    if (earlier !== undefined) {
      const how = earlier === input ? `"${input}" is listed twice` : `"${earlier}" and "${input}" both name province "${code}"`;
      throw ERRORS.BAD_USER_INPUT.err(`${field}: ${how}`, { field });
    }
    seen.set(code, input);
  });
  return codes as string[];
}
