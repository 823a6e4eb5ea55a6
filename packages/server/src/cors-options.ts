/**
 * The `cors` option: a preset, `false`, or Horizon's CORS settings (`HORIZON__SERVER__CORS__*`, which
 * Horizon hands to Starlette's `CORSMiddleware` as they are), resolved here into what `cors.ts` runs.
 */

/**
 * Where the settings left out come from.
 * - `'dev'` (the default): the Vite dev and preview servers on localhost may call every route with
 *   the client's headers; `X-Request-ID`, `X-Application-Version` and `Retry-After` are exposed.
 * - `'horizon'`: Horizon 1.1.3's own defaults: no origin, only `GET`, the headers `X-Request-ID` and
 *   `X-Request-With` (not `Authorization`), `X-Request-ID` exposed. A browser can call nothing.
 */
export type CorsPreset = 'dev' | 'horizon'

/**
 * CORS settings, named as Horizon's (`HORIZON__SERVER__CORS__ALLOW_ORIGINS` is `allowOrigins`) and
 * meaning what they mean to Starlette's `CORSMiddleware`. A setting left out comes from `preset`.
 * @example
 * ```ts
 * // as a Horizon deployment with HORIZON__SERVER__CORS__ALLOW_ORIGINS=https://etl.example.com
 * const cors: CorsSettings = { preset: 'horizon', allowOrigins: ['https://etl.example.com'] }
 * ```
 */
export interface CorsSettings {
  /** Where the settings left out come from. Default `'dev'`. */
  preset?: CorsPreset
  /** Origins allowed to call, compared exactly (`https://a.example`, no trailing slash); `'*'` allows any. */
  allowOrigins?: readonly string[]
  /** A JavaScript RegExp source an origin must match in full to be allowed, besides `allowOrigins`. */
  allowOriginRegex?: string
  /** Methods a preflight may ask for, case-sensitive; `'*'` allows all of DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT. */
  allowMethods?: readonly string[]
  /**
   * Request headers a preflight may ask for, case-insensitive; Accept, Accept-Language,
   * Content-Language and Content-Type are always allowed. `'*'` allows any (the preflight echoes them).
   */
  allowHeaders?: readonly string[]
  /** Response headers the page may read (`Access-Control-Expose-Headers`). `Retry-After` is added whenever an origin can be allowed. */
  exposeHeaders?: readonly string[]
  /** Send `Access-Control-Allow-Credentials: true` (cookies; with `'*'` origins the origin is echoed instead). */
  allowCredentials?: boolean
  /** `Access-Control-Max-Age` of preflight answers, in seconds. */
  maxAge?: number
  /**
   * The origins of the `'dev'` preset, kept from the first version of this option: `{ origins }` is
   * `{ allowOrigins: origins }` (`'*'` being `['*']`). Give one of the two, not both.
   */
  origins?: readonly string[] | '*'
}

/**
 * The `cors` option of {@link HorizonServerOptions}: a preset, `false` for no CORS at all (no
 * headers added, a preflight answers 405 like any OPTIONS), or settings over a preset.
 * @example
 * ```ts
 * startHorizonServer({ cors: 'horizon' }) // Horizon 1.1.3's defaults: no browser may call
 * startHorizonServer({ cors: { allowOrigins: ['https://app.example'] } }) // the dev preset, another origin
 * ```
 */
export type CorsOptions = CorsPreset | false | CorsSettings

/** The settings with the preset applied: what the middleware runs on. */
export interface ResolvedCors {
  readonly allowOrigins: readonly string[]
  readonly allowOriginRegex: RegExp | undefined
  readonly allowMethods: readonly string[]
  readonly allowHeaders: readonly string[]
  readonly exposeHeaders: readonly string[]
  readonly allowCredentials: boolean
  readonly maxAge: number
}

const viteOrigins = ['5173', '4173'].flatMap((port) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`])

/** Every setting of each preset, as Horizon's settings would be written (before `Retry-After` is added). */
export const CORS_PRESETS: Readonly<
  Record<CorsPreset, Required<Omit<CorsSettings, 'preset' | 'origins' | 'allowOriginRegex'>>>
> = {
  dev: {
    allowOrigins: viteOrigins,
    allowMethods: ['*'],
    allowHeaders: ['Authorization', 'X-Request-ID', 'X-Request-With'],
    exposeHeaders: ['X-Request-ID', 'X-Application-Version'],
    allowCredentials: false,
    maxAge: 600,
  },
  // horizon/backend/settings/server/cors.py (CORSSettings) and Starlette's max_age default
  horizon: {
    allowOrigins: [],
    allowMethods: ['GET'],
    allowHeaders: ['X-Request-ID', 'X-Request-With'],
    exposeHeaders: ['X-Request-ID'],
    allowCredentials: false,
    maxAge: 600,
  },
}

const list = (name: string, value: unknown): readonly string[] => {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string'))
    throw new TypeError(`cors.${name} must be an array of strings`)
  return value
}

/**
 * Applies the preset; undefined when CORS is off. Throws a TypeError on a malformed setting.
 * `Retry-After` joins the exposed headers once an origin can be allowed: the client reads it on 429
 * and 503. With no origin allowed (Horizon's defaults) the headers stay exactly Horizon's.
 */
export function resolveCors(options: CorsOptions | undefined): ResolvedCors | undefined {
  if (options === false) return undefined
  const settings: CorsSettings = typeof options === 'string' || options === undefined ? { preset: options } : options
  if (typeof settings !== 'object' || settings === null) throw new TypeError(`Unknown cors option '${String(options)}'`)
  const presetName = settings.preset ?? 'dev'
  const preset = CORS_PRESETS[presetName]
  if (!preset) throw new TypeError(`Unknown cors preset '${String(presetName)}': use 'dev' or 'horizon'`)
  if (settings.origins !== undefined && settings.allowOrigins !== undefined)
    throw new TypeError('cors: give origins or allowOrigins, not both')
  const origins = settings.origins === '*' ? ['*'] : settings.origins
  const maxAge = settings.maxAge ?? preset.maxAge
  if (!Number.isSafeInteger(maxAge) || maxAge < 0)
    throw new TypeError(`cors.maxAge must be an integer ≥ 0, got ${String(maxAge)}`)
  let allowOriginRegex: RegExp | undefined
  if (settings.allowOriginRegex !== undefined) {
    try {
      allowOriginRegex = new RegExp(`^(?:${settings.allowOriginRegex})$`)
    } catch (error) {
      throw new TypeError(`cors.allowOriginRegex is not a valid RegExp: ${(error as Error).message}`)
    }
  }
  const allowOrigins = list('allowOrigins', origins ?? settings.allowOrigins ?? preset.allowOrigins)
  let exposeHeaders = list('exposeHeaders', settings.exposeHeaders ?? preset.exposeHeaders)
  if (
    (allowOrigins.length > 0 || allowOriginRegex) &&
    !exposeHeaders.some((header) => header.toLowerCase() === 'retry-after')
  )
    exposeHeaders = [...exposeHeaders, 'Retry-After']
  return {
    allowOrigins,
    allowOriginRegex,
    allowMethods: list('allowMethods', settings.allowMethods ?? preset.allowMethods),
    allowHeaders: list('allowHeaders', settings.allowHeaders ?? preset.allowHeaders),
    exposeHeaders,
    allowCredentials: settings.allowCredentials ?? preset.allowCredentials,
    maxAge,
  }
}
