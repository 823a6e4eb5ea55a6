/** What a run of the CLI reads and writes: the process's streams and environment, or a test's. */

/** A stream the CLI writes to. */
export interface Out {
  write(text: string): unknown
}

/** The streams, environment and terminals of one run; `runProcess` passes the process's own. */
export interface Io {
  stdout: Out
  stderr: Out
  /** read for `-` values, `import` and the password prompt */
  stdin: NodeJS.ReadableStream
  env: Record<string, string | undefined>
  /** which streams are terminals: progress goes to stderr only when it is one, the prompt needs stdin to be one */
  isTTY: { stdin: boolean; stderr: boolean }
}

/** Reads a stream to its end as UTF-8 text. */
export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = ''
  stream.setEncoding?.('utf8')
  for await (const chunk of stream) text += chunk
  return text
}
