/**
 * The site's addresses (real URLs through the history API; the API answers the app's page for
 * `/`, `/book`, `/book/*`, `/manage` and `/manage/*`). The booking flow asks one question per page,
 * in this order; `?from=check` on a step means "changing an answer from Check your answers".
 */
export const STEPS = ['agency', 'case-type', 'office', 'language', 'access', 'time', 'contact', 'check'] as const;
export type Step = (typeof STEPS)[number];

export const stepPath = (step: Step, options: { fromCheck?: boolean } = {}) =>
  `/book/${step}${options.fromCheck ? '?from=check' : ''}`;

export const CONFIRMATION_PATH = '/book/done';

export function previousStep(step: Step): string {
  const index = STEPS.indexOf(step);
  return index <= 0 ? '/' : stepPath(STEPS[index - 1]);
}

/** Where Continue leads: the next question, or back to Check your answers when changing one. */
export function nextStep(step: Step, fromCheck: boolean, hasTime: boolean): string {
  if (fromCheck) return hasTime ? stepPath('check') : stepPath('time', { fromCheck: true });
  return stepPath(STEPS[STEPS.indexOf(step) + 1]);
}

export const MANAGE_PATH = '/manage';
export const managePath = (reference: string, page?: 'time' | 'cancel') =>
  `/manage/${encodeURIComponent(reference)}${page ? `/${page}` : ''}`;
