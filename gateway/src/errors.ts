/**
 * The platform's error-code registry and input validation, from `@devzone/errors`.
 *
 * `@devzone/errors` is not yet a declared dependency of this package, so it is reached
 * through `@devzone/registry`, which depends on it. Once `"@devzone/errors": "workspace:*"`
 * is in package.json, this becomes `export { ERRORS, parseOrThrow } from '@devzone/errors'`.
 */
export { ERRORS, ValidationError, parseOrThrow } from '@devzone/registry/node_modules/@devzone/errors';
