import type { OidcTransaction } from './client.js'
import { OidcError } from './errors.js'
import type { OidcTokens } from './tokens.js'

/** Where the browser keeps one client's state: the sign-in in progress and, when opted in, the tokens. */
export interface SessionSlots {
  takeTransaction(): OidcTransaction | undefined
  putTransaction(transaction: OidcTransaction): void
  loadTokens(): OidcTokens | undefined
  saveTokens(tokens: OidcTokens | undefined): void
}

/**
 * `sessionStorage` slots named after the issuer and client. The transaction always goes there (it
 * must survive the redirect; it holds no token); tokens only with `keepTokens`.
 */
export function sessionSlots(issuer: string, clientId: string, keepTokens: boolean): SessionSlots {
  const prefix = `horizon-oidc:${issuer}:${clientId}`
  const storage = (): Storage => {
    const s = (globalThis as { sessionStorage?: Storage }).sessionStorage
    if (!s)
      throw new OidcError(
        'no_storage',
        'sessionStorage is not available here: OidcLogin runs in a browser (use createOidcClient on a server)',
      )
    return s
  }
  const read = <T>(key: string): T | undefined => {
    const text = storage().getItem(key)
    if (text === null) return undefined
    try {
      return JSON.parse(text) as T
    } catch {
      storage().removeItem(key) // unreadable: nothing to resume
      return undefined
    }
  }
  return {
    takeTransaction() {
      const transaction = read<OidcTransaction>(`${prefix}:transaction`)
      storage().removeItem(`${prefix}:transaction`) // used once, whatever the callback brings
      return transaction
    },
    putTransaction(transaction) {
      storage().setItem(`${prefix}:transaction`, JSON.stringify(transaction))
    },
    loadTokens() {
      return keepTokens ? read<OidcTokens>(`${prefix}:tokens`) : undefined
    },
    saveTokens(tokens) {
      if (!keepTokens) return
      if (tokens) storage().setItem(`${prefix}:tokens`, JSON.stringify(tokens))
      else storage().removeItem(`${prefix}:tokens`)
    },
  }
}
