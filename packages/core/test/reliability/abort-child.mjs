// A process of its own for the cancellation test: rounds of calls aborted at every moment,
// against the BUILT package, with `--expose-gc` for exact heap figures. It prints one JSON line
// and must then end on its own: a timer, listener or socket left behind would keep it alive.
// Usage: node --expose-gc abort-child.mjs <proxy url> <hwm id> <backoff id> [rounds] [calls per round]
import { AbortError, HorizonClient, HorizonError, LoginPassword } from '../../dist/index.js'

const [url, hwmArg, backoffArg, roundsArg = '5', perRoundArg = '100'] = process.argv.slice(2)
const hwmId = Number(hwmArg)
const backoffId = Number(backoffArg)
const rounds = Number(roundsArg)
const perRound = Number(perRoundArg)

const client = new HorizonClient({
  baseUrl: url,
  auth: new LoginPassword({ login: 'child', password: 'child password' }),
  retry: { total: 3, backoffFactor: 0 },
  timeout: { connectionTimeout: 5, requestTimeout: 5 },
})
await client.authorize()

const heap = []
const outcomes = {}
for (let round = 1; round <= rounds; round++) {
  const calls = []
  for (let i = 0; i < perRound; i++) {
    const controller = new AbortController()
    const { signal } = controller
    const later = (ms) => setTimeout(() => controller.abort(), ms)
    let call
    switch (i % 4) {
      case 0: // before send
        controller.abort()
        call = client.getHwm(hwmId, { signal })
        break
      case 1: // waiting for headers
        call = client.getHwm(hwmId, { signal, headers: { 'x-proxy-fault': 'stall-headers' } })
        later(Math.random() * 50)
        break
      case 2: // during the body
        call = client.getHwm(hwmId, { signal, headers: { 'x-proxy-fault': 'stall-body' } })
        later(20 + Math.random() * 50)
        break
      default: // during the retry backoff (the server answers 503 with Retry-After: 5)
        call = client.getHwm(backoffId, { signal })
        later(30 + Math.random() * 50)
    }
    calls.push(
      call.then(
        () => 'resolved',
        (e) =>
          e instanceof AbortError && e instanceof HorizonError ? 'AbortError' : `other: ${e?.name}: ${e?.message}`,
      ),
    )
  }
  for (const o of await Promise.all(calls)) outcomes[o] = (outcomes[o] ?? 0) + 1
  globalThis.gc?.()
  heap.push(process.memoryUsage().heapUsed)
}
console.log(JSON.stringify({ gc: typeof globalThis.gc === 'function', heap, outcomes }))
// No process.exit(): the process has to end by itself.
