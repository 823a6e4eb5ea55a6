import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { test as setup } from '@playwright/test'
import { api, tokenFor, uid } from '../fixtures'
import { HOSTILE_DATA_FILE, type HostileData } from './hostile-data'

/**
 * A data set like a long-lived production Horizon, made through the API before the layout tests
 * (a setup project they depend on: it runs after Playwright's web servers are up, and only when a
 * layout test is selected). Every name carries this run's suffix, so a second run against the same
 * server makes its own set instead of clashing.
 */
const OWNER = 'layout_owner'
// Users on the permissions tab: a long name without spaces, right-to-left, emoji.
const MEMBERS = [`svc_${'replication_account_'.repeat(5)}prod`.slice(0, 96), 'مستخدم_البيانات', 'bot_📦_loader']

/** Runs `task` for 0..count-1, at most `limit` at a time. */
async function pool(count: number, limit: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < count) await task(next++)
  }
  await Promise.all(Array.from({ length: limit }, worker))
}

async function timed<T>(timings: Record<string, number>, label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now()
  const result = await work()
  timings[label] = Math.round(performance.now() - start) / 1000
  return result
}

const padTo = (prefix: string, length: number, filler: string) =>
  (prefix + filler.repeat(Math.ceil(length / filler.length))).slice(0, length)

setup('a long-lived Horizon: odd names, large values, 5,000 HWMs, deep history', async () => {
  setup.setTimeout(180_000)
  const run = uid()
  const timings: Record<string, number> = {}
  const owner = api(OWNER)
  for (const member of MEMBERS) await tokenFor(member) // a user exists once it has logged in

  const longName = padTo(`0_${run}_`, 256, 'org.example.dataplatform.ingestion.clickstream-')
  const longNamespace = await owner.createNamespace({
    name: longName,
    description: `${'A description that goes on, as operators write them when they mean well. '.repeat(6)}`,
  })
  // Horizon accepts a name that is only a space; there can be one per server.
  const blankNamespace = await owner.createNamespace(
    { name: ' ', description: 'named by a typo' },
    { ifNotExists: true },
  )
  const bigNamespace = await owner.createNamespace({ name: `<img src=x onerror=alert(1)> ${run}` })
  await owner.createNamespace({ name: `مساحة_الأسماء_${run}`, description: 'نص من اليمين إلى اليسار' })
  await owner.createNamespace({ name: `🚀📊 pipelines ${run}`, description: '🔥'.repeat(40) })
  await owner.updateNamespacePermissions(longNamespace.id, {
    permissions: MEMBERS.map((username, i) => ({ username, role: i % 2 ? 'MAINTAINER' : 'DEVELOPER' })),
  })

  const hwm = (name: string, value: unknown, extra: Record<string, string> = {}) =>
    owner.createHwm({ namespace_id: longNamespace.id, name, type: 'column_int', value: value as never, ...extra })
  const longHwm = await hwm(padTo(`1_${run}_`, 2048, 'warehouse/raw/events/partition=2026-12-03/'), 42, {
    entity: padTo('', 300, 'schema.table_'),
    expression: padTo('', 400, 'coalesce(updated_at,created_at)+'),
    description: 'x'.repeat(500),
  })
  const markup = await hwm(`<img src=x onerror=alert(1)> ${run}`, '<script>alert(1)</script>')
  const rtl = await hwm(`مؤشر_المبيعات_${run}`, { آخر_قيمة: 'نص عربي طويل جدا بدون توقف' })
  const emoji = await hwm(`🚀📊🔥 ${run}`, '🧪'.repeat(80))
  const thousandKeys = await hwm(
    `thousand_keys_${run}`,
    Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`partition_${i}`, 1733080000123 + i])),
  )
  const megabyte = await hwm(`megabyte_${run}`, 'm'.repeat(1024 * 1024))
  const deepHistory = await hwm(`deep_history_${run}`, 0)
  await timed(timings, '299 updates of one HWM', async () => {
    for (let i = 1; i < 300; i++) await owner.updateHwm(deepHistory.id, { value: i })
  })

  const count = 5000
  await timed(timings, `${count} HWMs, 16 at a time`, () =>
    pool(count, 16, (i) =>
      owner.createHwm({
        namespace_id: bigNamespace.id,
        name: `orders.part_${String(i).padStart(5, '0')}`,
        type: 'column_int',
        value: i,
      }),
    ),
  )

  const data: HostileData = {
    owner: OWNER,
    longNamespace: { id: longNamespace.id, name: longNamespace.name },
    blankNamespace: { id: blankNamespace.id, name: blankNamespace.name },
    bigNamespace: { id: bigNamespace.id, name: bigNamespace.name, count },
    hwms: {
      longName: { id: longHwm.id, name: longHwm.name },
      markup: { id: markup.id, name: markup.name },
      rtl: { id: rtl.id, name: rtl.name },
      emoji: { id: emoji.id, name: emoji.name },
      thousandKeys: { id: thousandKeys.id, name: thousandKeys.name },
      megabyte: { id: megabyte.id, name: megabyte.name },
      deepHistory: { id: deepHistory.id, name: deepHistory.name },
    },
    timings,
  }
  await mkdir(dirname(HOSTILE_DATA_FILE), { recursive: true })
  await writeFile(HOSTILE_DATA_FILE, JSON.stringify(data, null, 2))
  console.log(`hostile data: ${JSON.stringify(timings)}`)
})
