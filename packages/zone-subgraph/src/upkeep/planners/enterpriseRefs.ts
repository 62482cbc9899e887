import { RecordSet } from '../recordSet';
import type { EnterpriseSnapshot } from '../snapshots';
import { isValidUscc, normalizeUscc } from '../uscc';

/** The zone's enterprises loaded for a batch, found by credit code (index 0) or name (index 1). */
export const enterpriseSet = () => new RecordSet<EnterpriseSnapshot>([(e) => e.creditCode, (e) => e.nameZh]);

/** How a row names an enterprise it refers to: a credit code when the text is one, else a name. */
export function enterpriseRefKind(ref: string): { creditCode: string } | { name: string } {
  const code = normalizeUscc(ref);
  return isValidUscc(code) ? { creditCode: code } : { name: ref.trim() };
}

/** Splits references into the codes and names to load. */
export function refLookup(refs: readonly string[]): { creditCodes: string[]; names: string[] } {
  const creditCodes: string[] = [];
  const names: string[] = [];
  for (const ref of refs) {
    const kind = enterpriseRefKind(ref);
    if ('creditCode' in kind) creditCodes.push(kind.creditCode);
    else names.push(kind.name);
  }
  return { creditCodes, names };
}

/** The enterprise a reference names, or why there is none. */
export function resolveEnterpriseRef(enterprises: RecordSet<EnterpriseSnapshot>, ref: string, zoneId: string): EnterpriseSnapshot | string {
  const kind = enterpriseRefKind(ref);
  if ('creditCode' in kind) return enterprises.find(0, kind.creditCode)[0] ?? `no enterprise with credit code ${kind.creditCode} in zone "${zoneId}"`;
  const named = enterprises.find(1, kind.name);
  if (named.length === 0) return `no enterprise named "${kind.name}" in zone "${zoneId}"`;
  if (named.length > 1) return `${named.length} enterprises are named "${kind.name}": give the credit code`;
  return named[0];
}
