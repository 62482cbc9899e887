import { z } from 'zod';

/** The page's routes under the dashboard's base path; each renders the same page, which reads the path itself. */
export const PAGE_ROUTES = ['/', '/compare', '/selection', '/sources'] as const;

const zoneIdSchema = z.string().regex(/^[a-z][a-z0-9-]{1,62}$/, 'must be a zone id: lowercase letters, digits and dashes (yongkang)');
const fileNameSchema = z
  .string()
  .max(200, 'must be at most 200 characters')
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, 'must be a source file name as in provenance.document (003_037c2896ec0aa84d.txt)');

/** Routes with a parameter, and the rule the parameter follows (a malformed one is a 404 naming it). */
export const PARAMETER_ROUTES = [
  { path: '/zones/:zoneId', parameter: 'zoneId', schema: zoneIdSchema },
  { path: '/sources/:fileName', parameter: 'fileName', schema: fileNameSchema },
] as const;

/** Why a route parameter is refused, naming it; null when it is well formed. */
export function parameterProblem(parameter: string, schema: z.ZodType<string>, value: unknown): string | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : `${parameter}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`;
}
