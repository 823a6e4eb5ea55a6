/**
 * `sessionStorage` for Node: the one platform part of a browser that `OidcLogin` needs and Node
 * lacks. A Map behind the Storage interface; `install()` puts a fresh one on globalThis.
 */
export class MemoryStorage implements Storage {
  readonly #items = new Map<string, string>()
  get length(): number {
    return this.#items.size
  }
  clear(): void {
    this.#items.clear()
  }
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null
  }
  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null
  }
  removeItem(key: string): void {
    this.#items.delete(key)
  }
  setItem(key: string, value: string): void {
    this.#items.set(key, String(value))
  }
  /** every key and value, for assertions on what was kept */
  entries(): Array<[string, string]> {
    return [...this.#items]
  }
}

/** A fresh `sessionStorage` on globalThis; returns it. */
export function installSessionStorage(): MemoryStorage {
  const storage = new MemoryStorage()
  Object.defineProperty(globalThis, 'sessionStorage', { value: storage, configurable: true, writable: true })
  return storage
}
