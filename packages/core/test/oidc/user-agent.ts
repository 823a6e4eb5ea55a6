/**
 * Plays the user's browser at the provider with fetch: follows redirects with cookies, signs in on
 * the dev interactions' login form, consents, and stops at the app's redirect URI (the callback),
 * or aborts the interaction (the provider then answers `error=access_denied`).
 */
export async function authorize(
  url: URL | string,
  options: { login: string; redirectUri: string; abort?: boolean },
): Promise<string> {
  const cookies = new Map<string, string>()
  let next = String(url)
  let method = 'GET'
  let body: URLSearchParams | undefined
  for (let step = 0; step < 20; step++) {
    if (next.startsWith(options.redirectUri)) return next
    const res = await fetch(next, {
      method,
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      ...(body ? { body } : {}),
    })
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const at = pair.indexOf('=')
      cookies.set(pair.slice(0, at), pair.slice(at + 1))
    }
    const location = res.headers.get('location')
    if (location) {
      next = new URL(location, next).href
      method = 'GET'
      body = undefined
      await res.body?.cancel()
      continue
    }
    const html = await res.text()
    if (res.status !== 200) throw new Error(`the provider answered ${res.status}: ${html.slice(0, 300)}`)
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1]
    if (!action || !prompt) throw new Error(`no interaction form on ${next}`)
    if (options.abort) {
      // the dev interactions' abort sits next to the form's action, /interaction/:uid
      next = new URL(`${action}/abort`, next).href
      method = 'GET'
      body = undefined
      continue
    }
    next = new URL(action, next).href
    method = 'POST'
    body = new URLSearchParams(prompt === 'login' ? { prompt, login: options.login, password: 'any' } : { prompt })
  }
  throw new Error('too many redirects at the provider')
}
