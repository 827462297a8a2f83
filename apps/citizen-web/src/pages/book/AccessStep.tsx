import { useState } from 'react';
import { ACCESSIBILITY_NEEDS, type AccessibilityNeed } from '@distans/contracts';
import { useI18n } from '@distans/web-ui/i18n';
import { setAnswers } from '../../answers';
import { QuestionPage, useStep } from './step';

/** Needs that decide which room the meeting gets, and a note for the office. */
export default function AccessStep() {
  const { t } = useI18n();
  const { answers, goOn } = useStep('access');
  const [needs, setNeeds] = useState<AccessibilityNeed[]>(answers.accessibilityNeeds ?? []);
  const [note, setNote] = useState(answers.accessibilityNote ?? '');

  const onContinue = () => {
    const before = [...(answers.accessibilityNeeds ?? [])].sort().join();
    const unchanged = answers.accessibilityNeeds !== undefined && before === [...needs].sort().join();
    setAnswers({
      accessibilityNeeds: needs,
      accessibilityNote: note.trim() || undefined,
      ...(unchanged ? {} : { start: undefined }),
    });
    goOn(unchanged && !!answers.start);
  };

  return (
    <QuestionPage step="access" title={t('access.title')} errors={[]} onContinue={onContinue}>
      <fieldset className="choices">
        <legend>{t('access.legend')}</legend>
        <p className="hint">{t('access.hint')}</p>
        {ACCESSIBILITY_NEEDS.map((need) => (
          <div className="choice checkbox" key={need}>
            <input
              type="checkbox"
              id={`need-${need}`}
              checked={needs.includes(need)}
              onChange={(event) =>
                setNeeds(event.target.checked ? [...needs, need] : needs.filter((other) => other !== need))
              }
            />
            <label htmlFor={`need-${need}`}>{t(`access.need.${need}`)}</label>
          </div>
        ))}
      </fieldset>
      <label htmlFor="access-note">{t('access.note')}</label>
      <p className="hint" id="access-note-hint">
        {t('access.noteHint')}
      </p>
      <textarea
        id="access-note"
        rows={3}
        maxLength={500}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        aria-describedby="access-note-hint"
      />
    </QuestionPage>
  );
}
