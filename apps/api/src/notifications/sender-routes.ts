import { Logger } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { LogSender } from './log-sender';
import type { SenderRoutes } from './notification-sender';
import { SmtpSender } from './smtp-sender';

/**
 * Which sender carries each channel. E-mail goes by SMTP when SMTP_URL is set. Without a
 * provider, demo mode logs messages (recipient masked); outside demo mode they stay in the outbox,
 * unsent with the reason, rather than being marked sent when nobody received them. There is no
 * SMS provider yet.
 */
export function chooseSenders(config: Pick<AppConfig, 'SMTP_URL' | 'MAIL_FROM' | 'DEMO_MODE'>): SenderRoutes {
  const log = new LogSender();
  return {
    EMAIL: config.SMTP_URL ? new SmtpSender(config.SMTP_URL, config.MAIL_FROM) : config.DEMO_MODE ? log : null,
    SMS: config.DEMO_MODE ? log : null,
  };
}

export function senderRoutesFactory(config: AppConfig): SenderRoutes {
  const routes = chooseSenders(config);
  if (!config.SMTP_URL && !config.DEMO_MODE) {
    new Logger('Notifications').warn('SMTP_URL is not set: confirmation e-mails stay unsent in the outbox until it is');
  }
  return routes;
}
