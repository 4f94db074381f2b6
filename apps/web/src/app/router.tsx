import { lazy, Suspense, useState } from 'react';
import { createBrowserRouter, type RouteObject, RouterProvider } from 'react-router';
import { AppLayout } from '../components/layouts/app-layout';
import { RouteErrorBoundary } from '../components/route-error-boundary';
import { PageLoading } from '../components/ui/page-loading';
import { RedirectIfLoggedIn, RequireAdministrator, RequireAuth } from './guards';

// Each page is its own chunk; React.lazy wants a default export, so the named one is mapped.
const LoginPage = lazy(() => import('./routes/login').then((m) => ({ default: m.LoginPage })));
const HomePage = lazy(() => import('./routes/home').then((m) => ({ default: m.HomePage })));
const AdminUnitsPage = lazy(() => import('./routes/admin-units').then((m) => ({ default: m.AdminUnitsPage })));
const UsersPage = lazy(() => import('./routes/users').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('./routes/audit').then((m) => ({ default: m.AuditPage })));
const ChangePasswordPage = lazy(() => import('./routes/change-password').then((m) => ({ default: m.ChangePasswordPage })));
const NotFoundPage = lazy(() => import('./routes/not-found').then((m) => ({ default: m.NotFoundPage })));

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
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage />, errorElement: <RouteErrorBoundary /> },
      { path: 'admin-units', element: <AdminUnitsPage />, errorElement: <RouteErrorBoundary /> },
      {
        path: 'users',
        element: (
          <RequireAdministrator>
            <UsersPage />
          </RequireAdministrator>
        ),
        errorElement: <RouteErrorBoundary />,
      },
      {
        path: 'audit',
        element: (
          <RequireAdministrator>
            <AuditPage />
          </RequireAdministrator>
        ),
        errorElement: <RouteErrorBoundary />,
      },
      { path: 'change-password', element: <ChangePasswordPage />, errorElement: <RouteErrorBoundary /> },
      { path: '*', element: <NotFoundPage />, errorElement: <RouteErrorBoundary /> },
    ],
  },
];

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
