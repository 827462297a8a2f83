import { lazy, Suspense } from 'react';
import { Route, Router, Switch } from 'wouter';
import { AnnouncerProvider } from '@distans/web-ui/Announcer';
import { I18nProvider } from '@distans/web-ui/i18n';
import { Layout } from './components/Layout';
import { Loading } from './components/ui';
import { CITIZEN_LOCALES, loadCatalogue } from './i18n/catalogues';
import { StartPage } from './pages/StartPage';

// The first page is in the first download; every later page is its own small file, fetched when
// the visitor gets there, so a cheap phone on a slow line shows the start page (and then the
// office list) without waiting for the whole booking flow.
const BookingFlow = lazy(() => import('./pages/BookingFlow'));
const ManageArea = lazy(() => import('./pages/ManageArea'));

export function App() {
  return (
    <I18nProvider locales={CITIZEN_LOCALES} loadCatalogue={loadCatalogue} storageKey="distans.citizen.locale">
      <AnnouncerProvider>
        <Router>
          <Layout>
            <Suspense fallback={<Loading />}>
              <Switch>
                <Route path="/">
                  <StartPage />
                </Route>
                <Route path="/book/*?">
                  <BookingFlow />
                </Route>
                <Route path="/manage/*?">
                  <ManageArea />
                </Route>
                <Route>
                  <NotFound />
                </Route>
              </Switch>
            </Suspense>
          </Layout>
        </Router>
      </AnnouncerProvider>
    </I18nProvider>
  );
}

function NotFound() {
  return <StartPage notFound />;
}
