import { lazy, type ReactNode, Suspense, useState } from 'react';
import { createBrowserRouter, type RouteObject, RouterProvider } from 'react-router';
import { RouteErrorBoundary } from '../components/route-error-boundary';
import { PageLoading } from '../components/ui/page-loading';
import type { Capability } from '@ocop/domain/shared';
import { RedirectIfLoggedIn, RequireAuth, RequireCapability } from './guards';

// Each page is its own chunk; React.lazy wants a default export, so the named one is mapped. The
// signed-in frame (menu, drawer, dropdown) is one too, so the login page does not load it.
const AppLayout = lazy(() => import('../components/layouts/app-layout').then((m) => ({ default: m.AppLayout })));
const LoginPage = lazy(() => import('./routes/login').then((m) => ({ default: m.LoginPage })));
const HomePage = lazy(() => import('./routes/home').then((m) => ({ default: m.HomePage })));
const AdminUnitsPage = lazy(() => import('./routes/admin-units').then((m) => ({ default: m.AdminUnitsPage })));
const UsersPage = lazy(() => import('./routes/users').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('./routes/audit').then((m) => ({ default: m.AuditPage })));
const ChangePasswordPage = lazy(() => import('./routes/change-password').then((m) => ({ default: m.ChangePasswordPage })));
const ProducerListPage = lazy(() => import('./routes/producers/producer-list').then((m) => ({ default: m.ProducerListPage })));
const ProducerNewPage = lazy(() => import('./routes/producers/producer-new').then((m) => ({ default: m.ProducerNewPage })));
const ProducerDetailPage = lazy(() => import('./routes/producers/producer-detail').then((m) => ({ default: m.ProducerDetailPage })));
const ProducerEditPage = lazy(() => import('./routes/producers/producer-edit').then((m) => ({ default: m.ProducerEditPage })));
const ProductListPage = lazy(() => import('./routes/products/product-list').then((m) => ({ default: m.ProductListPage })));
const ProductNewPage = lazy(() => import('./routes/products/product-new').then((m) => ({ default: m.ProductNewPage })));
const ProductDetailPage = lazy(() => import('./routes/products/product-detail').then((m) => ({ default: m.ProductDetailPage })));
const ProductEditPage = lazy(() => import('./routes/products/product-edit').then((m) => ({ default: m.ProductEditPage })));
const ImportsPage = lazy(() => import('./routes/imports').then((m) => ({ default: m.ImportsPage })));
const CriteriaListPage = lazy(() => import('./routes/criteria/criteria-list').then((m) => ({ default: m.CriteriaListPage })));
const CriteriaVersionPage = lazy(() => import('./routes/criteria/criteria-version').then((m) => ({ default: m.CriteriaVersionPage })));
const NotFoundPage = lazy(() => import('./routes/not-found').then((m) => ({ default: m.NotFoundPage })));

/** A registry page behind its capability (reading by default). */
function registry(page: ReactNode, capability: Capability = 'producers.read') {
  return <RequireCapability capability={capability}>{page}</RequireCapability>;
}

export const routes: RouteObject[] = [
  {
    path: '/login',
    errorElement: <RouteErrorBoundary />,
    element: (
      <RedirectIfLoggedIn>
        <Suspense fallback={<PageLoading fullScreen />}>
          <LoginPage />
        </Suspense>
      </RedirectIfLoggedIn>
    ),
  },
  {
    path: '/',
    errorElement: <RouteErrorBoundary />,
    element: (
      <RequireAuth>
        <Suspense fallback={<PageLoading fullScreen />}>
          <AppLayout />
        </Suspense>
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage />, errorElement: <RouteErrorBoundary /> },
      { path: 'admin-units', element: <AdminUnitsPage />, errorElement: <RouteErrorBoundary /> },
      {
        path: 'users',
        element: (
          <RequireCapability capability="users.manage" administration>
            <UsersPage />
          </RequireCapability>
        ),
        errorElement: <RouteErrorBoundary />,
      },
      {
        path: 'audit',
        element: (
          <RequireCapability capability="audit.read" administration>
            <AuditPage />
          </RequireCapability>
        ),
        errorElement: <RouteErrorBoundary />,
      },
      { path: 'producers', element: registry(<ProducerListPage />), errorElement: <RouteErrorBoundary /> },
      { path: 'producers/new', element: registry(<ProducerNewPage />, 'producers.create'), errorElement: <RouteErrorBoundary /> },
      { path: 'producers/:producerId', element: registry(<ProducerDetailPage />), errorElement: <RouteErrorBoundary /> },
      { path: 'producers/:producerId/edit', element: registry(<ProducerEditPage />), errorElement: <RouteErrorBoundary /> },
      { path: 'products', element: registry(<ProductListPage />), errorElement: <RouteErrorBoundary /> },
      { path: 'products/new', element: registry(<ProductNewPage />, 'products.write'), errorElement: <RouteErrorBoundary /> },
      { path: 'products/:productId', element: registry(<ProductDetailPage />), errorElement: <RouteErrorBoundary /> },
      { path: 'products/:productId/edit', element: registry(<ProductEditPage />), errorElement: <RouteErrorBoundary /> },
      { path: 'imports', element: registry(<ImportsPage />, 'imports.run'), errorElement: <RouteErrorBoundary /> },
      // Score sheets are public law: every signed-in user reads them; the page offers changes by criteria.manage.
      { path: 'criteria', element: <CriteriaListPage />, errorElement: <RouteErrorBoundary /> },
      { path: 'criteria/versions/:versionId', element: <CriteriaVersionPage />, errorElement: <RouteErrorBoundary /> },
      { path: 'change-password', element: <ChangePasswordPage />, errorElement: <RouteErrorBoundary /> },
      { path: '*', element: <NotFoundPage />, errorElement: <RouteErrorBoundary /> },
    ],
  },
];

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
