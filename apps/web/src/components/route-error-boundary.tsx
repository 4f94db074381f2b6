import { Component, lazy, type ReactNode, Suspense } from 'react';

// The error page (antd's Result) is loaded only when a route fails, not with every first load.
const RouteErrorPage = lazy(() => import('./route-error-page').then((m) => ({ default: m.RouteErrorPage })));

type Props = { children: ReactNode };
type State = { error: unknown; failed: boolean };

/**
 * Wraps every route: a page that throws while rendering (or whose chunk cannot be fetched) shows
 * the error page instead of a blank screen, and the layout around it (header, menu) keeps
 * working. The router keys it by address, so going elsewhere gives the next page a fresh start.
 */
export class RouteErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Suspense fallback={null}>
        <RouteErrorPage error={this.state.error} />
      </Suspense>
    );
  }
}
