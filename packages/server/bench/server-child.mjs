/**
 * One server of the benches, in a process of its own so the load generator never shares its event
 * loop. Forked by `lib.mjs` with a JSON config in argv[2]:
 *   { kind: 'horizon', options }  the built `startHorizonServer(options)` (dist, what users run)
 *   { kind: 'bare', body }        a bare Hono app on the same adapter answering `body` as JSON
 * Reports `{ url }` or `{ error, name }` over IPC, then obeys `{ setLatency: ms }` and `{ close: true }`.
 */
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const config = JSON.parse(process.argv[2])

async function start() {
  if (config.kind === 'bare') {
    const app = new Hono()
    // The same value on every call, as the Horizon server answers one stored row.
    app.get('/v1/hwm/:id', (c) => c.json(config.body))
    return new Promise((resolve) => {
      const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) =>
        resolve({
          url: `http://127.0.0.1:${info.port}`,
          setLatency() {},
          close: () => new Promise((done) => server.close(() => done())),
        }),
      )
    })
  }
  const { startHorizonServer } = await import('../dist/index.js')
  return startHorizonServer(config.options)
}

try {
  const server = await start()
  process.on('message', async (message) => {
    if (message.setLatency !== undefined) {
      server.setLatency(message.setLatency)
      process.send({ latencySet: message.setLatency })
    }
    if (message.close) {
      await server.close()
      process.exit(0)
    }
  })
  // The bench process gone (finished or crashed): nobody will ask this server to close.
  process.on('disconnect', () => process.exit(0))
  process.send({ url: server.url })
} catch (error) {
  process.send({ error: String(error?.message ?? error), name: error?.name })
  process.exit(1)
}
