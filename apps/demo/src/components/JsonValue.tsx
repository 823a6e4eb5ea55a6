import type { JsonValue as JsonValueType } from '@horizon-ts/core'
import { formatJson } from '../lib/json'

/** A stored JSON value, pretty-printed; a figure captioned "Value" so assistive tech can name it. */
export function JsonValue({ value, small }: { value: JsonValueType; small?: boolean }) {
  return (
    <figure className="json-value">
      <figcaption className="visually-hidden">Value</figcaption>
      <pre className={small ? 'code-block code-small' : 'code-block'}>{formatJson(value)}</pre>
    </figure>
  )
}
