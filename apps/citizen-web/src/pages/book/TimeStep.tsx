import { Link, Redirect, useSearch } from 'wouter';
import { ERROR_CODES, type ErrorCode } from '@distans/contracts';
import { useI18n } from '@distans/web-ui/i18n';
import { setAnswers } from '../../answers';
import { Page } from '../../components/ui';
import { WhenPicker } from '../../components/WhenPicker';
import { stepPath, STEPS } from '../../routes';
import { useStep } from './step';

/** `?refused=SLOT_TAKEN&near=<instant>`: Confirm was refused for that time; the answers are all still here. */
export function refusedFrom(search: string): { code: ErrorCode; near: string } | null {
  const query = new URLSearchParams(search);
  const code = query.get('refused');
  const near = query.get('near');
  if (!code || !near || !(ERROR_CODES as readonly string[]).includes(code)) return null;
  return { code: code as ErrorCode, near };
}

export default function TimeStep() {
  const { t } = useI18n();
  const { answers, back, missing, goOn } = useStep('time');
  const refused = refusedFrom(useSearch());
  if (missing) return <Redirect to={stepPath(missing)} replace />;
  const { caseType, where, language } = answers;
  if (!caseType || !where || !language) return <Redirect to={stepPath('agency')} replace />;
  return (
    <Page
      title={t('when.title')}
      back={back}
      caption={t('flow.progress', { step: STEPS.indexOf('time') + 1, count: STEPS.length })}
    >
      <WhenPicker
        request={{
          caseTypeId: caseType.id,
          target: where.kind === 'office' ? { officeId: where.office.id } : { municipality: where.municipality },
          language,
          interpreter: answers.interpreter ?? false,
          needs: answers.accessibilityNeeds ?? [],
        }}
        chosen={answers.start}
        refused={refused}
        onChoose={(slot) => {
          setAnswers({ start: slot.start, office: slot.office });
          goOn(true);
        }}
        whatToDo={
          <ul className="what-to-do">
            <li>
              <Link href={stepPath('language', { fromCheck: false })}>{t('unavailable.changeLanguage')}</Link>
            </li>
            <li>
              <Link href={stepPath('office')}>{t('unavailable.changeOffice')}</Link>
            </li>
            <li>
              <Link href={stepPath('access')}>{t('unavailable.changeNeeds')}</Link>
            </li>
          </ul>
        }
      />
    </Page>
  );
}
