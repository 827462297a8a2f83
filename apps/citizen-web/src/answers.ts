import { useSyncExternalStore } from 'react';
import type { AccessibilityNeed, Language } from '@distans/contracts';
import type { CaseType, Office } from './api';

/**
 * The visitor's answers so far, kept in sessionStorage: Back, a reload or a detour through
 * "Change" never loses them, and they are gone when the tab closes (a shared library computer).
 */
export interface Answers {
  agencyId?: string;
  caseType?: CaseType;
  /** Where: one office, or the earliest time in a municipality (the office is then found at When). */
  where?: { kind: 'office'; office: Office } | { kind: 'municipality'; municipality: string };
  /** The office of the chosen time (the same as `where.office`, or the one found in the municipality). */
  office?: Office;
  language?: Language;
  interpreter?: boolean;
  accessibilityNeeds?: AccessibilityNeed[];
  accessibilityNote?: string;
  start?: string;
  name?: string;
  phone?: string;
  email?: string;
}

const KEY = 'distans.citizen.answers';
const listeners = new Set<() => void>();
let current: Answers = read();

function read(): Answers {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as Answers;
  } catch {
    return {};
  }
}

export function getAnswers(): Answers {
  return current;
}

export function setAnswers(patch: Partial<Answers>): void {
  current = { ...current, ...patch };
  try {
    sessionStorage.setItem(KEY, JSON.stringify(current));
  } catch {
    // storage disabled: the answers live as long as the page
  }
  listeners.forEach((listener) => listener());
}

export function clearAnswers(): void {
  current = {};
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useAnswers(): Answers {
  return useSyncExternalStore(subscribe, getAnswers);
}

/** Manage codes by reference, for this tab only: the code never stays in the address bar. */
const CODE_KEY = 'distans.citizen.codes';

export function rememberCode(reference: string, code: string): void {
  try {
    const codes = JSON.parse(sessionStorage.getItem(CODE_KEY) ?? '{}') as Record<string, string>;
    sessionStorage.setItem(CODE_KEY, JSON.stringify({ ...codes, [reference]: code }));
  } catch {
    // not remembered: the visitor types it again after a reload
  }
}

export function rememberedCode(reference: string): string | null {
  try {
    const codes = JSON.parse(sessionStorage.getItem(CODE_KEY) ?? '{}') as Record<string, string>;
    return codes[reference] ?? null;
  } catch {
    return null;
  }
}

/** The booking just made, for the confirmation page (and its reload). */
const CONFIRMED_KEY = 'distans.citizen.confirmed';

export function rememberConfirmed(reference: string): void {
  try {
    sessionStorage.setItem(CONFIRMED_KEY, reference);
  } catch {
    // the confirmation then shows only until a reload
  }
}

export function confirmedReference(): string | null {
  try {
    return sessionStorage.getItem(CONFIRMED_KEY);
  } catch {
    return null;
  }
}
