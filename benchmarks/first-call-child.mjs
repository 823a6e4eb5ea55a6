/**
 * One sample of first-call.bench.mjs, in a process of its own (modules and Node's fetch start cold
 * once per process). `client`: a client made and called at once, as a script or a page does; when
 * its chunks arrived, and the first call. `login`: the login such a first call needs, alone, as raw
 * fetch in a cold process (what the first call pays for it anyway).
 */
const [mode, base, id] = process.argv.slice(2)
const form = () => new URLSearchParams({ grant_type: 'password', username: 'bench', password: 'pw' })
if (mode === 'login') {
  const started = performance.now()
  await (await fetch(`${base}/v1/auth/token`, { method: 'POST', body: form() })).json()
  process.send?.({ login: performance.now() - started })
} else {
  const { HorizonClient, LoginPassword } = await import('@horizon-ts/core')
  const started = performance.now()
  const client = new HorizonClient({ baseUrl: base, auth: new LoginPassword({ login: 'bench', password: 'pw' }) })
  const chunks = client.ready().then(() => performance.now() - started)
  await client.getHwm(Number(id))
  const first = performance.now() - started
  const at = performance.now()
  await client.getHwm(Number(id))
  process.send?.({ chunks: await chunks, first, warm: performance.now() - at })
}
