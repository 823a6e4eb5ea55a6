/**
 * The server of the loopback bench, in a process of its own so that its work never lands on the
 * client's CPU figures: node:http on 127.0.0.1, keep-alive, answering every request with the body
 * and headers of `GET /v1/hwm/5` (fixtures.mjs). Sends `{ url }` over IPC; exits when the bench does.
 */
import { createServer } from 'node:http'
import { body, headers } from './fixtures.mjs'

const answer = { ...headers, 'content-length': Buffer.byteLength(body) }
const server = createServer((req, res) => {
  req.resume()
  req.on('end', () => {
    res.writeHead(200, answer)
    res.end(body)
  })
})
server.keepAliveTimeout = 60_000
server.listen(0, '127.0.0.1', () => process.send({ url: `http://127.0.0.1:${server.address().port}` }))
process.on('disconnect', () => process.exit(0))
