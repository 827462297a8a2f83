import { lazy } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { CONFIRMATION_PATH, stepPath } from '../routes';

// Each question is its own file: the office search arrives without the date picker behind it.
const AgencyStep = lazy(() => import('./book/AgencyStep'));
const CaseTypeStep = lazy(() => import('./book/CaseTypeStep'));
const OfficeStep = lazy(() => import('./book/OfficeStep'));
const LanguageStep = lazy(() => import('./book/LanguageStep'));
const AccessStep = lazy(() => import('./book/AccessStep'));
const TimeStep = lazy(() => import('./book/TimeStep'));
const ContactStep = lazy(() => import('./book/ContactStep'));
const CheckStep = lazy(() => import('./book/CheckStep'));
const ConfirmationPage = lazy(() => import('./book/ConfirmationPage'));

/** The booking questions, one per address under /book. */
export default function BookingFlow() {
  return (
    <Switch>
      <Route path={stepPath('agency')} component={AgencyStep} />
      <Route path={stepPath('case-type')} component={CaseTypeStep} />
      <Route path={stepPath('office')} component={OfficeStep} />
      <Route path={stepPath('language')} component={LanguageStep} />
      <Route path={stepPath('access')} component={AccessStep} />
      <Route path={stepPath('time')} component={TimeStep} />
      <Route path={stepPath('contact')} component={ContactStep} />
      <Route path={stepPath('check')} component={CheckStep} />
      <Route path={CONFIRMATION_PATH} component={ConfirmationPage} />
      <Route>
        <Redirect to={stepPath('agency')} replace />
      </Route>
    </Switch>
  );
}
