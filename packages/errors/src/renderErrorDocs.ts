import { allErrorCodes } from './codes';

/** The docs/errors.md page, generated from the one registry of error codes. */
export function renderErrorDocs(): string {
  const rows = [...allErrorCodes()].sort((a, b) => a.code.localeCompare(b.code)).map((d) => `| \`${d.code}\` | ${d.description} |`);
  return [
    '# Error codes',
    '',
    'Every GraphQL error the platform raises carries one of these codes in `extensions.code`.',
    'This page is generated from `packages/errors/src/codes.ts` (`pnpm docs:errors`); a test fails when it is stale.',
    '',
    '| code | meaning |',
    '| --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
