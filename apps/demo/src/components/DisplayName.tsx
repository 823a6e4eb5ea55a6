/**
 * A namespace's or an HWM's name as text. Horizon accepts a name of spaces only: shown as is it
 * would be an empty, unclickable link, so it reads "(blank name)" and keeps the real one in a title.
 */
export function DisplayName({ name }: { name: string }) {
  if (name.trim()) return <>{name}</>
  return (
    <em className="blank-name" title={`The name is ${name.length} space${name.length === 1 ? '' : 's'}: “${name}”`}>
      (blank name)
    </em>
  )
}
