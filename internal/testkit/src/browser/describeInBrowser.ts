import { findChromium } from './findChromium';
import { launchChromium, type LaunchedChromium } from './launchChromium';

export interface BrowserSuite {
  /** The launched browser; set in beforeAll. */
  readonly chromium: () => LaunchedChromium;
}

/**
 * A describe block whose tests run in headless Chromium, or are reported as
 * skipped when the machine has none. The reason reaches the closing line of
 * `npm test` through jest's globalSetup (SKIP_REASONS), not from here.
 */
export function describeInBrowser(title: string, body: (suite: BrowserSuite) => void): void {
  const lookup = findChromium();
  if (!lookup.found) {
    describe.skip(`${title} (skipped: ${lookup.reason})`, () =>
      body({
        chromium: () => {
          throw new Error(lookup.reason);
        },
      }));
    return;
  }
  describe(title, () => {
    let launched: LaunchedChromium | undefined;
    beforeAll(async () => {
      launched = await launchChromium(lookup.executablePath);
    });
    afterAll(async () => {
      await launched?.close();
    });
    body({
      chromium: () => {
        if (!launched) throw new Error('Chromium is not launched yet (use it inside a test or hook)');
        return launched;
      },
    });
  });
}
