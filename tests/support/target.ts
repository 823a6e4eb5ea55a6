/**
 * Where the integration suites run, for every package: the dev server by default, or the Horizon
 * at `HORIZON_URL` (a real Horizon is the reference the suites must match). Read once, here.
 */

/** `HORIZON_URL` without trailing slashes, when the suites run against a real Horizon. */
export const remoteUrl = process.env.HORIZON_URL?.replace(/\/+$/, '') || undefined

/** True when the suites run against `HORIZON_URL` (known at collection time, for `it.skipIf`). */
export const isRemote = Boolean(remoteUrl)

/** The superadmin to log in as, if any: locally `admin`, remotely `HORIZON_ADMIN_USER`. */
export const adminUser: string | undefined = remoteUrl ? process.env.HORIZON_ADMIN_USER || undefined : 'admin'
