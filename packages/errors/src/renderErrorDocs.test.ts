import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderErrorDocs } from './renderErrorDocs';

test('docs/errors.md matches the error-code registry (regenerate with `pnpm docs:errors`)', () => {
  const page = readFileSync(join(__dirname, '../../../docs/errors.md'), 'utf8');
  expect(page).toBe(renderErrorDocs());
});
