import { OidcAuth, type OidcAuthOptions } from './auth.js'
import { createOidcClient, type OidcClient, type OidcClientOptions } from './client.js'
import { OidcError } from './errors.js'
import { type SessionSlots, sessionSlots } from './storage.js'

/** Options of `OidcLogin`: a public client (no secret) in a browser. */
export interface OidcLoginOptions
  extends Omit<OidcClientOptions, 'clientSecret' | 'clientAuthMethod'>,
    Pick<OidcAuthOptions, 'userClaim' | 'skewSeconds'> {
  /**
   * Where the tokens live: `'memory'` (default; a reload signs in again, through the provider's
   * session) or `'session'` (sessionStorage: they survive a reload of this tab, and any script on
   * the page can read them: opt in knowingly).
   */
  storage?: 'memory' | 'session'
}

/** How the browser goes to the provider: `location.assign` unless told. */
export type Navigate = (url: string) => void | Promise<void>

const assign: Navigate = (url) => {
  globalThis.location.assign(url)
}

/** The page the user is on, as a path: where a sign-in comes back to by default. */
const here = (): string => {
  const l = (globalThis as { location?: Location }).location
  return l ? `${l.pathname}${l.search}${l.hash}` : '/'
}

/**
 * Signs a browser app in through an OpenID provider (authorization code flow with PKCE, `state`
 * and `nonce`) and hands its access token to Horizon as a bearer token. The sign-in in progress
 * waits in sessionStorage during the redirect (no token in it); the tokens stay in memory unless
 * `storage: 'session'`.
 * @example
 * ```ts
 * const login = new OidcLogin({ issuer: 'https://id.example.com', clientId: 'horizon-ui', redirectUri: `${location.origin}/callback` })
 * const client = new HorizonClient({ baseUrl, auth: login })
 * if (location.pathname === '/callback') history.replaceState(null, '', (await login.handleCallback()).returnTo)
 * else if (!login.signedIn) await login.signIn()
 * ```
 */
export class OidcLogin extends OidcAuth {
  readonly #client: OidcClient
  readonly #slots: SessionSlots

  constructor(options: OidcLoginOptions) {
    const { storage = 'memory', userClaim, skewSeconds, ...clientOptions } = options
    const client = createOidcClient(clientOptions)
    const slots = sessionSlots(String(client.options.issuer), options.clientId, storage === 'session')
    const tokens = storage === 'session' ? slots.loadTokens() : undefined
    super(client, {
      ...(tokens ? { tokens } : {}),
      ...(userClaim === undefined ? {} : { userClaim }),
      ...(skewSeconds === undefined ? {} : { skewSeconds }),
      onTokens: (t) => slots.saveTokens(t),
    })
    this.#client = client
    this.#slots = slots
  }

  /**
   * Goes to the provider's sign-in: discovers it (once), keeps the transaction (PKCE verifier,
   * `state`, `nonce`, `returnTo`: default the current page) in sessionStorage, then navigates.
   * @example `await login.signIn({ returnTo: '/hwm/5' })`
   */
  async signIn(options: { returnTo?: string; navigate?: Navigate } = {}): Promise<void> {
    const { url, transaction } = await this.#client.start(options.returnTo ?? here())
    this.#slots.putTransaction(transaction)
    await (options.navigate ?? assign)(url.href)
  }

  /**
   * Finishes the sign-in on the redirect URI: takes the transaction (used once), checks `state`
   * and the provider's `error`, exchanges the code, validates the ID token and its `nonce`, keeps
   * the tokens. Rejects with `OidcError` (`no_transaction`, `state_mismatch`, `provider_error`,
   * `nonce_mismatch`, `token_failed` …). Answers where to go next.
   * @example `const { returnTo } = await login.handleCallback(); history.replaceState(null, '', returnTo)`
   */
  async handleCallback(url: string | URL = globalThis.location.href): Promise<{ returnTo: string }> {
    const transaction = this.#slots.takeTransaction()
    if (!transaction)
      throw new OidcError('no_transaction', 'No sign-in is in progress in this tab (or its callback was used already)')
    this.use(await this.#client.finish(transaction, url))
    return { returnTo: transaction.returnTo }
  }

  /**
   * Forgets the tokens and goes to the provider's sign-out (`end_session_endpoint`, with
   * `id_token_hint` and `post_logout_redirect_uri`) when it has one. Answers that URL.
   * @example `await login.signOut()`
   */
  override async signOut(options: { navigate?: Navigate } = {}): Promise<URL | undefined> {
    const url = await super.signOut()
    if (url) await (options.navigate ?? assign)(url.href)
    return url
  }

  /**
   * Keeps tokens out of `console.log`, `JSON.stringify` and error reports.
   * @example `JSON.stringify(login) // '{"type":"OidcLogin","issuer":"https://id.example.com/","user":"alice","signedIn":true}'`
   */
  override toJSON(): object {
    return { ...super.toJSON(), type: 'OidcLogin' }
  }
}
