import { createRequire } from 'node:module';
import type * as Jose from 'jose' with { 'resolution-mode': 'import' };

export type JoseModule = typeof Jose;

let loaded: Promise<JoseModule> | undefined;

/**
 * jose is published as an ECMAScript module only and the workspace compiles to
 * CommonJS: a dynamic import reaches it on every Node 20 release. Where dynamic
 * import is unavailable (jest's sandbox, which transforms jose to CommonJS, see
 * jest.config.js) require loads it.
 */
export function loadJose(): Promise<JoseModule> {
  loaded ??= import('jose').catch(() => createRequire(__filename)('jose') as JoseModule);
  return loaded;
}
