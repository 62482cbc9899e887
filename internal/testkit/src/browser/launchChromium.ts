import { chromium, type Browser } from 'playwright-core';

export interface LaunchedChromium {
  readonly browser: Browser;
  close(): Promise<void>;
}

/**
 * Headless Chromium (playwright gives it a fresh temporary profile) with nothing
 * that phones home: this machine kind refuses outside connections, and a test
 * must not depend on them.
 */
export async function launchChromium(executablePath: string): Promise<LaunchedChromium> {
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return { browser, close: () => browser.close() };
}
