// Characters that could end the <script> element a JSON text travels in, or start markup in it;
// inside JSON strings a \u escape means the same character.
const UNSAFE_IN_HTML = /[<>&\u2028\u2029]/g
const toEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`

/** `<script type="application/json" id=…>` holding `json` (already JSON text), safe whatever it contains. */
export function jsonScript(id: string, json: string): string {
  return `<script type="application/json" id="${id}">${json.replace(UNSAFE_IN_HTML, toEscape)}</script>`
}

/** The page template split where the app's HTML goes (`<!--app-html-->` inside `#root`). */
export function splitTemplate(template: string): [head: string, tail: string] {
  const at = template.indexOf('<!--app-html-->')
  if (at < 0) throw new Error('the page template has no <!--app-html--> marker')
  return [template.slice(0, at), template.slice(at + '<!--app-html-->'.length)]
}

/**
 * One HTML stream: the template's head, React's stream as it renders, then what is known only
 * when rendering ends (the dehydrated state) and the template's tail. The app's module script is
 * deferred, so it runs after the whole document, state included, has been read.
 */
export function htmlStream(
  head: string,
  app: ReadableStream<Uint8Array>,
  after: () => string,
  tail: string,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const reader = app.getReader()
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(head))
    },
    async pull(controller) {
      const { done, value } = await reader.read()
      if (!done) return controller.enqueue(value)
      controller.enqueue(encoder.encode(after() + tail))
      controller.close()
    },
    cancel(reason) {
      return reader.cancel(reason)
    },
  })
}
