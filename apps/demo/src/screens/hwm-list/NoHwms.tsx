import { EmptyState } from '../../components/EmptyState'

export function NoHwms({ name }: { name: string }) {
  return name ? (
    <EmptyState title={`No HWM is named “${name}” here`}>Names are matched exactly, case included.</EmptyState>
  ) : (
    <EmptyState title="No HWMs in this namespace">
      ETL jobs create them on their first run; “New HWM” creates one by hand.
    </EmptyState>
  )
}
