import type { Hooks } from './types.js'

type AnyHook = (event: never) => void | Promise<void>

/**
 * Hooks of a `with()` copy: the parent's and the overrides', both run (the parent's first) where
 * both set one, so a copy that adds logging keeps the parent's metrics. A sync pair stays sync.
 */
export function mergeHooks<H extends Hooks>(parent: H | undefined, overrides: H | undefined): H | undefined {
  if (!parent || !overrides) return overrides ?? parent
  const merged: Record<string, AnyHook> = { ...(parent as unknown as Record<string, AnyHook>) }
  for (const [name, hook] of Object.entries(overrides as unknown as Record<string, AnyHook | undefined>)) {
    const first = merged[name]
    if (!hook) continue
    merged[name] = first
      ? (event) => {
          const result = first(event)
          return result instanceof Promise ? result.then(() => hook(event)) : hook(event)
        }
      : hook
  }
  return merged as unknown as H
}
