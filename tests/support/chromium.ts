/**
 * How the suites launch Debian's Chromium (Playwright cannot download its own here): the binary and
 * the flags this machine needs. Without the background-networking flags Chromium keeps trying hosts
 * a closed network refuses. Node built-ins only: the demo's Playwright config imports it.
 */
import { existsSync } from 'node:fs'

/** Debian's package installs it here; `npm test` installs it with apt-get when it runs as root. */
export const CHROMIUM = '/usr/bin/chromium'

/** Headless, no sandbox (root in CI), no GPU or QUIC, and none of Chromium's own network traffic. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Launch options for playwright-core's `chromium.launch`. */
export const chromiumLaunch = () => ({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] })

/** Whether the browser is there (suites skip without it, except in CI, where its absence fails them). */
export const hasChromium = () => existsSync(CHROMIUM)
