import { accessSync, constants } from 'node:fs';

/** Where a Chromium for the browser tests was found, or why none was. */
export type ChromiumLookup = { found: true; executablePath: string } | { found: false; reason: string };

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The browser the suite drives: `CHROMIUM_PATH` when set (it must exist), else Debian's
 * `chromium` package. Never downloads one: this machine kind's network refuses that.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) {
    return isExecutable(configured)
      ? { found: true, executablePath: configured }
      : { found: false, reason: `CHROMIUM_PATH=${configured} is not an executable file` };
  }
  const executablePath = CANDIDATES.find(isExecutable);
  if (executablePath) return { found: true, executablePath };
  return { found: false, reason: `no Chromium at ${CANDIDATES.join(', ')} (install Debian's chromium package, or set CHROMIUM_PATH)` };
}
