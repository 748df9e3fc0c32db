/**
 * The headless Chromium the end-to-end tests and the UI benchmark drive through playwright-core: Debian's build
 * (or `VALUERANK_CHROMIUM`), started without the background traffic that would make timings and runs differ.
 */
export const CHROMIUM = process.env.VALUERANK_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
