import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Announcer } from '../components/Announcer';
import { Layout } from '../components/Layout';
import { AuthProvider } from '../features/auth/components/AuthProvider';
import { CatalogPage } from '../features/catalog/components/CatalogPage';
import { TemplatesPage } from '../features/catalog/components/TemplatesPage';
import { ComponentPage } from '../features/component/components/ComponentPage';
import { Loading } from '../components/Loading';
import { NotFoundPage } from './NotFoundPage';

// The wizard brings the form library and the editors: loaded when a wizard opens, not with the catalog.
const WizardPage = lazy(() => import('../features/wizard/components/WizardPage').then((m) => ({ default: m.WizardPage })));

/** The providers and the routes; every screen lives in its feature folder. */
export function App() {
  return (
    <AuthProvider>
      <Announcer>
        <BrowserRouter>
          <Layout>
            <Routes>
              <Route path="/" element={<CatalogPage />} />
              <Route path="/templates" element={<TemplatesPage />} />
              <Route path="/catalog/:namespace/component/:name" element={<ComponentPage />} />
              <Route
                path="/catalog/:namespace/component/:name/reverse-provisioning"
                element={
                  <Suspense fallback={<Loading what="the import wizard" />}>
                    <WizardPage />
                  </Suspense>
                }
              />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Layout>
        </BrowserRouter>
      </Announcer>
    </AuthProvider>
  );
}
