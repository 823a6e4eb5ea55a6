import { Component, type ReactNode } from 'react'

interface Props {
  fallback: (error: unknown, reset: () => void) => ReactNode
  /** a change (e.g. the route's id) clears a caught error */
  resetKey?: unknown
  onReset?: () => void
  children: ReactNode
}

interface State {
  error: unknown
  failed: boolean
}

/** Catches what a suspense query throws, so the failure shows in place instead of unmounting the app. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined, failed: false }

  static getDerivedStateFromError(error: unknown): State {
    return { error, failed: true }
  }

  override componentDidUpdate(prev: Props) {
    if (this.state.failed && prev.resetKey !== this.props.resetKey) this.reset()
  }

  reset = () => {
    this.props.onReset?.()
    this.setState({ error: undefined, failed: false })
  }

  override render() {
    return this.state.failed ? this.props.fallback(this.state.error, this.reset) : this.props.children
  }
}
