/** A list command's output: one page (`--page`, `--page-size`) or every page (`--all`). */
import type { PageResponseV1 } from '@horizon-ts/core'
import { type Context, paging } from './command.js'
import { print, progress } from './output.js'

/** Reads the page or pages, keeps the items `keep` accepts, prints them (`--json`: an array of the items). */
export async function list<T>(
  ctx: Context,
  columns: readonly string[],
  page: (q: { page?: number; page_size?: number }) => Promise<PageResponseV1<T>>,
  all: (q: { page_size?: number }) => AsyncIterable<T>,
  keep: (item: T) => boolean = () => true,
): Promise<number> {
  const q = paging(ctx.values)
  let items: T[] = []
  let footer = ''
  if (q.all) {
    const shown = progress(ctx.io)
    for await (const item of all(q.page_size === undefined ? {} : { page_size: q.page_size })) {
      items.push(item)
      if (items.length % 50 === 0) shown.update(`${items.length} read…`)
    }
    shown.done()
  } else {
    const answer = await page({
      ...(q.page !== undefined && { page: q.page }),
      ...(q.page_size !== undefined && { page_size: q.page_size }),
    })
    items = answer.items
    const { meta } = answer
    if (meta.pages_count > 1)
      footer = `page ${meta.page} of ${meta.pages_count}, ${meta.total_count} in all (--page N, or --all)\n`
  }
  const kept = items.filter(keep)
  print(ctx.io, ctx.json, kept, { kind: 'table', columns })
  if (!ctx.json && footer) ctx.io.stdout.write(footer)
  return 0
}
