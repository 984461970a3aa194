/**
 * Headless Chromium for the build-time renderers (scripts/diagrams, scripts/figures).
 * Uses the system browser through playwright-core: no browser download, no network.
 */
import {existsSync} from 'node:fs';
import {chromium, type Browser} from 'playwright-core';

export const CHROME_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export function chromePath(): string {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromePath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it (bash .ci/run does) or set CHROME_PATH to a Chromium/Chrome binary.`,
    );
  }
  return chromium.launch({executablePath, headless: true, args: CHROME_ARGS});
}
