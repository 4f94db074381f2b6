import { lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router';
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
const ProductSelfAssessmentPage = lazy(() =>
  import('./routes/products/product-self-assessment').then((m) => ({ default: m.ProductSelfAssessmentPage })),
);
const ImportsPage = lazy(() => import('./routes/imports').then((m) => ({ default: m.ImportsPage })));
const LegacyImportPage = lazy(() => import('./routes/certificates/legacy-import').then((m) => ({ default: m.LegacyImportPage })));
const CriteriaListPage = lazy(() => import('./routes/criteria/criteria-list').then((m) => ({ default: m.CriteriaListPage })));
const CriteriaVersionPage = lazy(() => import('./routes/criteria/criteria-version').then((m) => ({ default: m.CriteriaVersionPage })));
const NotificationsPage = lazy(() => import('./routes/notifications').then((m) => ({ default: m.NotificationsPage })));
const CouncilListPage = lazy(() => import('./routes/councils/council-list').then((m) => ({ default: m.CouncilListPage })));
const CouncilDetailPage = lazy(() => import('./routes/councils/council-detail').then((m) => ({ default: m.CouncilDetailPage })));
const MyScoringPage = lazy(() => import('./routes/councils/my-scoring').then((m) => ({ default: m.MyScoringPage })));
const ScoringSheetPage = lazy(() => import('./routes/councils/scoring-sheet').then((m) => ({ default: m.ScoringSheetPage })));
const ScoringResultsPage = lazy(() => import('./routes/councils/scoring-results').then((m) => ({ default: m.ScoringResultsPage })));
const DossierListPage = lazy(() => import('./routes/dossiers/dossier-list').then((m) => ({ default: m.DossierListPage })));
const DossierDetailPage = lazy(() => import('./routes/dossiers/dossier-detail').then((m) => ({ default: m.DossierDetailPage })));
const CertificateListPage = lazy(() => import('./routes/certificates/certificate-list').then((m) => ({ default: m.CertificateListPage })));
const CertificateDetailPage = lazy(() =>
  import('./routes/certificates/certificate-detail').then((m) => ({ default: m.CertificateDetailPage })),
);
const SupervisionPage = lazy(() => import('./routes/certificates/supervision').then((m) => ({ default: m.SupervisionPage })));
const CertificateSettingsPage = lazy(() => import('./routes/certificates/settings').then((m) => ({ default: m.CertificateSettingsPage })));
const LotListPage = lazy(() => import('./routes/lots/lot-list').then((m) => ({ default: m.LotListPage })));
const LotNewPage = lazy(() => import('./routes/lots/lot-new').then((m) => ({ default: m.LotNewPage })));
const LotDetailPage = lazy(() => import('./routes/lots/lot-detail').then((m) => ({ default: m.LotDetailPage })));
const LotEditPage = lazy(() => import('./routes/lots/lot-edit').then((m) => ({ default: m.LotEditPage })));
const LotStepPage = lazy(() => import('./routes/lots/lot-step').then((m) => ({ default: m.LotStepPage })));
const SitesPage = lazy(() => import('./routes/lots/sites').then((m) => ({ default: m.SitesPage })));
const StampOrdersPage = lazy(() => import('./routes/stamps/stamp-orders').then((m) => ({ default: m.StampOrdersPage })));
const StampOrderNewPage = lazy(() => import('./routes/stamps/stamp-order-new').then((m) => ({ default: m.StampOrderNewPage })));
const StampOrderDetailPage = lazy(() => import('./routes/stamps/stamp-order-detail').then((m) => ({ default: m.StampOrderDetailPage })));
const ScanAnalyticsPage = lazy(() => import('./routes/stamps/scan-analytics').then((m) => ({ default: m.ScanAnalyticsPage })));
const SalesPointsPage = lazy(() => import('./routes/sales-points/sales-points').then((m) => ({ default: m.SalesPointsPage })));
const SalesPointStockPage = lazy(() => import('./routes/sales-points/sales-point-stock').then((m) => ({ default: m.SalesPointStockPage })));
const ApiKeysPage = lazy(() => import('./routes/api-keys').then((m) => ({ default: m.ApiKeysPage })));
const InquiriesPage = lazy(() => import('./routes/inquiries').then((m) => ({ default: m.InquiriesPage })));
const InquiryDetailPage = lazy(() => import('./routes/inquiries').then((m) => ({ default: m.InquiryDetailPage })));
const RoundsPage = lazy(() => import('./routes/rounds').then((m) => ({ default: m.RoundsPage })));
const ContentListPage = lazy(() => import('./routes/content/content-list').then((m) => ({ default: m.ContentListPage })));
const ContentEditPage = lazy(() => import('./routes/content/content-edit').then((m) => ({ default: m.ContentEditPage })));
const NotFoundPage = lazy(() => import('./routes/not-found').then((m) => ({ default: m.NotFoundPage })));

/** A registry page behind its capability (reading by default). */
function registry(page: ReactNode, capability: Capability = 'producers.read') {
  return <RequireCapability capability={capability}>{page}</RequireCapability>;
}

/**
 * Catches what a page throws while rendering. Keyed by the address, so leaving a failed page
 * (the error page's "home" link, the menu) renders the next one afresh.
 */
function Page({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <RouteErrorBoundary key={pathname}>{children}</RouteErrorBoundary>;
}

/**
 * The routes, in the router's declarative mode: the app loads no data through the router, and
 * the data router (createBrowserRouter) would add ~17 KB gzip to every first load.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <Page>
            <RedirectIfLoggedIn>
              <Suspense fallback={<PageLoading fullScreen />}>
                <LoginPage />
              </Suspense>
            </RedirectIfLoggedIn>
          </Page>
        }
      />
      <Route
        path="/"
        element={
          <Page>
            <RequireAuth>
              <Suspense fallback={<PageLoading fullScreen />}>
                <AppLayout />
              </Suspense>
            </RequireAuth>
          </Page>
        }
      >
        <Route
          index
          element={
            <Page>
              <HomePage />
            </Page>
          }
        />
        <Route
          path="admin-units"
          element={
            <Page>
              <AdminUnitsPage />
            </Page>
          }
        />
        <Route
          path="users"
          element={
            <Page>
              <RequireCapability capability="users.manage" administration>
                <UsersPage />
              </RequireCapability>
            </Page>
          }
        />
        <Route
          path="audit"
          element={
            <Page>
              <RequireCapability capability="audit.read" administration>
                <AuditPage />
              </RequireCapability>
            </Page>
          }
        />
        <Route path="producers" element={<Page>{registry(<ProducerListPage />)}</Page>} />
        <Route path="producers/new" element={<Page>{registry(<ProducerNewPage />, 'producers.create')}</Page>} />
        <Route path="producers/:producerId" element={<Page>{registry(<ProducerDetailPage />)}</Page>} />
        <Route path="producers/:producerId/edit" element={<Page>{registry(<ProducerEditPage />)}</Page>} />
        <Route path="products" element={<Page>{registry(<ProductListPage />)}</Page>} />
        <Route path="products/new" element={<Page>{registry(<ProductNewPage />, 'products.write')}</Page>} />
        <Route path="products/:productId" element={<Page>{registry(<ProductDetailPage />)}</Page>} />
        <Route path="products/:productId/edit" element={<Page>{registry(<ProductEditPage />)}</Page>} />
        <Route
          path="products/:productId/self-assessment"
          element={<Page>{registry(<ProductSelfAssessmentPage />, 'self_assessment.read')}</Page>}
        />
        {/* Score sheets are public law: every signed-in user reads them; the page offers changes by criteria.manage. */}
        <Route
          path="criteria"
          element={
            <Page>
              <CriteriaListPage />
            </Page>
          }
        />
        <Route
          path="criteria/versions/:versionId"
          element={
            <Page>
              <CriteriaVersionPage />
            </Page>
          }
        />
        <Route path="imports" element={<Page>{registry(<ImportsPage />, 'imports.run')}</Page>} />
        <Route path="certificates/legacy-import" element={<Page>{registry(<LegacyImportPage />, 'certificates.manage')}</Page>} />
        {/* Everyone's own inbox: the server answers only the signed-in user's notifications. */}
        <Route
          path="notifications"
          element={
            <Page>
              <NotificationsPage />
            </Page>
          }
        />
        <Route path="councils" element={<Page>{registry(<CouncilListPage />, 'councils.manage')}</Page>} />
        <Route path="councils/:councilId" element={<Page>{registry(<CouncilDetailPage />, 'councils.manage')}</Page>} />
        <Route path="scoring" element={<Page>{registry(<MyScoringPage />, 'dossiers.score')}</Page>} />
        <Route path="scoring/:dossierId" element={<Page>{registry(<ScoringSheetPage />, 'dossiers.score')}</Page>} />
        {/* The secretariat (dossiers.manage) and the council's chair (dossiers.score); the server narrows dossiers.read to them. */}
        <Route path="scoring/:dossierId/results" element={<Page>{registry(<ScoringResultsPage />, 'dossiers.read')}</Page>} />
        <Route path="dossiers" element={<Page>{registry(<DossierListPage />, 'dossiers.read')}</Page>} />
        <Route path="dossiers/:dossierId" element={<Page>{registry(<DossierDetailPage />, 'dossiers.read')}</Page>} />
        <Route path="rounds" element={<Page>{registry(<RoundsPage />, 'rounds.manage')}</Page>} />
        <Route path="certificates" element={<Page>{registry(<CertificateListPage />, 'certificates.read')}</Page>} />
        <Route path="certificates/supervision" element={<Page>{registry(<SupervisionPage />, 'certificates.read')}</Page>} />
        <Route path="certificates/settings" element={<Page>{registry(<CertificateSettingsPage />, 'certificates.manage')}</Page>} />
        <Route path="certificates/:certificateId" element={<Page>{registry(<CertificateDetailPage />, 'certificates.read')}</Page>} />
        <Route path="lots" element={<Page>{registry(<LotListPage />, 'lots.read')}</Page>} />
        <Route path="lots/new" element={<Page>{registry(<LotNewPage />, 'lots.write')}</Page>} />
        <Route path="lots/:lotId" element={<Page>{registry(<LotDetailPage />, 'lots.read')}</Page>} />
        <Route path="lots/:lotId/edit" element={<Page>{registry(<LotEditPage />, 'lots.write')}</Page>} />
        <Route path="lots/:lotId/steps/:kind" element={<Page>{registry(<LotStepPage />, 'epcis.capture')}</Page>} />
        <Route path="traceability/sites" element={<Page>{registry(<SitesPage />, 'lots.read')}</Page>} />
        <Route path="stamps" element={<Page>{registry(<StampOrdersPage />, 'stamps.order')}</Page>} />
        <Route path="stamps/new" element={<Page>{registry(<StampOrderNewPage />, 'stamps.order')}</Page>} />
        <Route path="stamps/scans" element={<Page>{registry(<ScanAnalyticsPage />, 'stamps.scans.read')}</Page>} />
        <Route path="stamps/:orderId" element={<Page>{registry(<StampOrderDetailPage />, 'stamps.order')}</Page>} />
        <Route path="sales-points" element={<Page>{registry(<SalesPointsPage />, 'sales_points.read')}</Page>} />
        <Route path="sales-points/:salesPointId/stock" element={<Page>{registry(<SalesPointStockPage />, 'sales_points.stock')}</Page>} />
        <Route path="api-keys" element={<Page>{registry(<ApiKeysPage />, 'api_keys.manage')}</Page>} />
        <Route path="inquiries" element={<Page>{registry(<InquiriesPage />, 'inquiries.read')}</Page>} />
        <Route path="inquiries/:inquiryId" element={<Page>{registry(<InquiryDetailPage />, 'inquiries.read')}</Page>} />
        <Route path="content" element={<Page>{registry(<ContentListPage />, 'content.manage')}</Page>} />
        <Route path="content/new" element={<Page>{registry(<ContentEditPage />, 'content.manage')}</Page>} />
        <Route path="content/:itemId" element={<Page>{registry(<ContentEditPage />, 'content.manage')}</Page>} />
        <Route
          path="change-password"
          element={
            <Page>
              <ChangePasswordPage />
            </Page>
          }
        />
        <Route
          path="*"
          element={
            <Page>
              <NotFoundPage />
            </Page>
          }
        />
      </Route>
    </Routes>
  );
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  );
}
