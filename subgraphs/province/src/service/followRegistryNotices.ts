import { PgRegistryReader } from '@devzone/registry';

export interface RegistryNotices {
  stop(): Promise<void>;
}

/**
 * Hears of every registry state accepted by any province replica (NOTIFY on the registry
 * channel) and calls `onNotice`, so this replica follows the others' registrations and
 * moves. While the LISTEN connection is lost it listens again every `retryMs`, and calls
 * `onNotice` once it does, for what it may have missed.
 */
export async function followRegistryNotices(databaseUrl: string, onNotice: () => Promise<void>, retryMs = 5000): Promise<RegistryNotices> {
  const reader = new PgRegistryReader({ connectionString: databaseUrl });
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const notice = () => void onNotice().catch((error: unknown) => console.warn(`Registry: could not follow a new state (${String(error)})`));
  const listen = async (): Promise<void> => {
    await reader.listen(notice, { onError: lost });
  };
  const again = () => {
    retry = undefined;
    if (stopped) return;
    listen().then(notice, () => (retry = setTimeout(again, retryMs).unref()));
  };
  function lost(error: Error): void {
    if (stopped) return;
    console.warn(`Registry: lost the LISTEN connection (${error.message}); listening again every ${retryMs} ms`);
    retry = setTimeout(again, retryMs).unref();
  }
  await listen();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(retry);
      await reader.close();
    },
  };
}
