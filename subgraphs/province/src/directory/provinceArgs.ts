import { readableProvinces, type ScopeSources } from '../authz/scopedDirectory';
import { resolveProvinceInput, resolveProvinceInputs } from './resolveProvinceInput';

/**
 * The code a province argument names (code, 安徽, 安徽省, Anhui ...), among the
 * provinces the caller may read: any other one, out of scope or unknown, is the
 * same BAD_USER_INPUT naming `field` and listing the caller's provinces.
 */
export async function provinceCodeOf(sources: ScopeSources, input: string, field: string): Promise<string> {
  return resolveProvinceInput(input, await readableProvinces(sources), field);
}

/** The distinct codes a list of province arguments names, in the order given (scoped like provinceCodeOf). */
export async function provinceCodesOf(sources: ScopeSources, inputs: readonly string[], field: string): Promise<string[]> {
  return resolveProvinceInputs(inputs, await readableProvinces(sources), field);
}
