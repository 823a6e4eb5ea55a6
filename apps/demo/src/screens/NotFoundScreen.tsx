import { Link } from 'wouter'
import { PageTitle } from '../components/PageTitle'
import { paths } from '../lib/routes'
import { useDocumentTitle } from '../lib/use-document-title'

export function NotFoundScreen() {
  useDocumentTitle('Page not found')
  return (
    <section className="stack">
      <PageTitle>Page not found</PageTitle>
      <p>
        There is nothing at this address. <Link href={paths.namespaces}>Go to the namespaces</Link>.
      </p>
    </section>
  )
}
