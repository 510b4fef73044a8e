import fs from 'node:fs';

import { chromium, type Browser, type Locator } from 'playwright-core';

/**
 * Headless Chromium for the preview's tests and bench: Debian's package (playwright cannot
 * download browsers here), with everything that would reach the network switched off.
 */

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

export async function launchChromium(): Promise<Browser> {
  if (!chromiumAvailable()) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: apt-get install -y --no-install-recommends chromium fonts-wqy-microhei`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** The phone is 399 px wide with its bezel; leave room for the toolbar above it. */
export const PREVIEW_VIEWPORT = { width: 460, height: 1000 };

interface StyledElement {
  ownerDocument: {
    defaultView: { getComputedStyle(el: unknown): { getPropertyValue(name: string): string } };
  };
}

/** A computed style of the element a locator names (typed without the DOM lib, which Node code lacks). */
export function computedStyle(target: Locator, property: string): Promise<string> {
  return target.evaluate(
    (el, prop) =>
      (el as unknown as StyledElement).ownerDocument.defaultView
        .getComputedStyle(el)
        .getPropertyValue(prop),
    property,
  );
}
