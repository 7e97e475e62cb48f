import { BrowserRouter, Route, Routes } from 'react-router';
import { Announcer } from '../components/Announcer';
import { Layout } from '../components/Layout';
import { AuthProvider } from '../features/auth/components/AuthProvider';
import { CatalogPage } from '../features/catalog/components/CatalogPage';
import { TemplatesPage } from '../features/catalog/components/TemplatesPage';
import { ComponentPage } from '../features/component/components/ComponentPage';
import { WizardPage } from '../features/wizard/components/WizardPage';
import { NotFoundPage } from './NotFoundPage';

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
              <Route path="/catalog/:namespace/component/:name/reverse-provisioning" element={<WizardPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Layout>
        </BrowserRouter>
      </Announcer>
    </AuthProvider>
  );
}
