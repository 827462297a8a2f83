import type { NotificationLocale } from '@distans/contracts';

export type NotificationChannel = 'EMAIL' | 'SMS';

/** One outbox row on its way out. */
export interface OutgoingMessage {
  id: string;
  channel: NotificationChannel;
  recipient: string;
  locale: NotificationLocale;
  subject: string;
  body: string;
  /** E-mail only: the HTML part (with lang and dir) and the booking's calendar file. */
  html: string | null;
  calendar: string | null;
}

/** Delivers messages of one channel. Throws when delivery failed; the dispatcher retries later. */
export interface NotificationSender {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

/** The sender of each channel; null when no provider is configured for it. */
export type SenderRoutes = Record<NotificationChannel, NotificationSender | null>;

export const SENDER_ROUTES = Symbol('SENDER_ROUTES');

/**
 * For logs: enough to tell messages apart, not enough to identify anyone.
 * 'anna@example.se' -> 'a***@example.se', '+46 70 123 45 67' -> '***67'.
 */
export function maskRecipient(recipient: string): string {
  const at = recipient.lastIndexOf('@');
  if (at > 0) return `${recipient[0]}***${recipient.slice(at)}`;
  const digits = recipient.replace(/\D/g, '');
  return digits.length > 4 ? `***${digits.slice(-2)}` : '***';
}
