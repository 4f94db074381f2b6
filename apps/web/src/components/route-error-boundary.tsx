import { lazy, Suspense } from 'react';

// The error page (antd's Result) is loaded only when a route fails, not with every first load.
const RouteErrorPage = lazy(() => import('./route-error-page').then((m) => ({ default: m.RouteErrorPage })));

/**
 * The `errorElement` of every route: a page that throws while rendering shows the error page
 * instead of a blank screen, and the layout around it (header, menu) keeps working.
 */
export function RouteErrorBoundary() {
  return (
    <Suspense fallback={null}>
      <RouteErrorPage />
    </Suspense>
  );
}
