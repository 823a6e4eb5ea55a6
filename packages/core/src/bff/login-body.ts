/** The fields of a login (or logout) request: form-encoded, multipart or JSON. */

/** What a login request may carry; only string values are kept. */
export interface LoginFields {
  username?: string
  password?: string
  token?: string
  next?: string
}

const FIELDS = ['username', 'password', 'token', 'next'] as const

/** True when the request is an HTML form post, which is answered with redirects rather than JSON. */
export function isFormPost(request: Request): boolean {
  const type = request.headers.get('content-type') ?? ''
  const accept = request.headers.get('accept') ?? ''
  const form = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)
  return form && !/application\/json/i.test(accept)
}

/** Reads the fields; throws `TypeError` on a body that is neither a form nor a JSON object. */
export async function readLoginFields(request: Request): Promise<LoginFields> {
  const type = request.headers.get('content-type') ?? ''
  let read: (name: string) => unknown
  if (/^application\/json\b/i.test(type) || /\+json\b/i.test(type)) {
    const body: unknown = await request.json()
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new TypeError('expected a JSON object')
    read = (name) => (body as Record<string, unknown>)[name]
  } else if (/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) {
    const form = await request.formData()
    read = (name) => form.get(name)
  } else if (!request.body) {
    read = () => undefined
  } else throw new TypeError('expected a form or a JSON body')
  const fields: LoginFields = {}
  for (const name of FIELDS) {
    const value = read(name)
    if (typeof value === 'string' && value !== '') fields[name] = value
  }
  return fields
}
