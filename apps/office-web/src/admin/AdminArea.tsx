import { Redirect, Route, Switch, useLocation } from 'wouter';
import { AlertCenter } from '../components/AlertCenter';
import { AppHeader } from '../components/AppHeader';
import { ADMIN_SECTIONS, type AdminSection } from '../routes';
import { AuditScreen } from './AuditScreen';
import { AgenciesScreen } from './AgenciesScreen';
import { CaseTypeScreen } from './CaseTypeScreen';
import { OfficeScreen } from './OfficeScreen';
import { OfficesScreen } from './OfficesScreen';
import { PeopleScreen } from './PeopleScreen';
import { PersonScreen } from './PersonScreen';
import { StatisticsScreen } from '../statistics/StatisticsScreen';

function sectionOf(location: string): AdminSection | undefined {
  const first = location.split('/').filter(Boolean)[0];
  return ADMIN_SECTIONS.find((section) => section === first);
}

/** The administrators' settings, below /admin (nested routes: paths here are relative to it). */
export function AdminArea() {
  const [location] = useLocation();
  return (
    <>
      <AppHeader adminSection={sectionOf(location)} />
      <AlertCenter />
      <main id="main" tabIndex={-1} className="main admin-main">
        <Switch>
          <Route path="/offices">
            <OfficesScreen />
          </Route>
          <Route path="/offices/new">
            <OfficeScreen key="new" officeId={null} />
          </Route>
          <Route path="/offices/:id">
            {(params: { id: string }) => <OfficeScreen key={params.id} officeId={params.id} />}
          </Route>
          <Route path="/agencies">
            <AgenciesScreen />
          </Route>
          <Route path="/agencies/:agencyId/case-types/new">
            {(params: { agencyId: string }) => (
              <CaseTypeScreen key="new" agencyId={params.agencyId} caseTypeId={null} />
            )}
          </Route>
          <Route path="/agencies/:agencyId/case-types/:id">
            {(params: { agencyId: string; id: string }) => (
              <CaseTypeScreen key={params.id} agencyId={params.agencyId} caseTypeId={params.id} />
            )}
          </Route>
          <Route path="/people">
            <PeopleScreen />
          </Route>
          <Route path="/people/new">
            <PersonScreen key="new" userId={null} />
          </Route>
          <Route path="/people/:id">
            {(params: { id: string }) => <PersonScreen key={params.id} userId={params.id} />}
          </Route>
          <Route path="/audit">
            <AuditScreen />
          </Route>
          <Route path="/statistics">
            <StatisticsScreen key="country" />
          </Route>
          <Route>
            <Redirect to="/offices" replace />
          </Route>
        </Switch>
      </main>
    </>
  );
}
