import type { ReactNode } from 'react';
import type { ApiClient } from '@distans/web-ui/api';
import { LanguageSwitch, useI18n } from '@distans/web-ui/i18n';
import type { VisitCallSnapshot } from '../call/visit-call';
import { CallStaffButton } from '../components/CallStaffButton';
import type { Visit } from '../room-api';

/** The greeting: when the meeting starts and the booking reference, nothing else about the visit. */
export function WelcomePanel({
  visit,
  headingLevel,
  children,
}: {
  visit: Visit;
  headingLevel: 1 | 2;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <section className="welcome" data-testid="welcome" aria-labelledby="welcome-title">
      <Heading id="welcome-title" className="welcome-title">
        {t('welcome.title')}
      </Heading>
      <p className="welcome-lead">{t('welcome.startsAt', { time: visit.localStart })}</p>
      {visit.handlerReminded ? (
        <p className="welcome-lead" data-testid="handler-reminded">
          {t('welcome.handlerReminded')}
        </p>
      ) : (
        <p className="welcome-lead">{t('welcome.handlerJoins')}</p>
      )}
      <p className="reference">
        <span className="reference-label">{t('welcome.reference')}</span>{' '}
        <strong className="reference-value" data-testid="visit-reference">
          {visit.reference}
        </strong>
      </p>
      {children}
    </section>
  );
}

/** Shown from check-in until the kiosk is in the meeting; joining needs no click. */
export function WelcomeScreen({
  visit,
  snapshot,
  api,
  roomName,
}: {
  visit: Visit;
  snapshot: VisitCallSnapshot | null;
  api: ApiClient;
  roomName: string;
}) {
  const { t } = useI18n();
  let note: string | null = null;
  if (snapshot?.mediaProblem === 'missing') note = t('welcome.mediaProblem');
  else if (snapshot?.struggling) note = t('welcome.stillTrying');
  else if (!snapshot?.localStream) note = t('welcome.connecting');

  return (
    <main className="screen welcome-screen">
      <div className="topbar">
        <span className="brand">{roomName}</span>
        {/* The visitor's choice lasts for this visit; the next visitor starts in their own language. */}
        <LanguageSwitch remember={false} />
      </div>
      <div className="welcome-body">
        <WelcomePanel visit={visit} headingLevel={1} />
        <p className="welcome-note" role="status">
          {note}
        </p>
        <CallStaffButton api={api} />
      </div>
    </main>
  );
}
