/** Node's fetch says only "fetch failed"; its cause says why (ECONNREFUSED ...). */
export function describeFetchFailure(error: unknown, timeoutMs: number): string {
  // Duck-typed: under jest, fetch's errors come from another realm.
  if (typeof error !== 'object' || error === null || typeof (error as { message?: unknown }).message !== 'string') return String(error);
  const { name, message, cause } = error as { name?: unknown; message: string; cause?: { code?: unknown; message?: unknown } };
  if (name === 'TimeoutError') return `timed out after ${timeoutMs} ms`;
  const why = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : null;
  return why ? `${message} (${why})` : message;
}
