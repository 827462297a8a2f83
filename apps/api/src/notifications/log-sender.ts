import { Logger } from '@nestjs/common';
import { maskRecipient, NotificationSender, OutgoingMessage } from './notification-sender';

/** Demo mode and no provider: says what would have been sent, with the recipient masked. */
export class LogSender implements NotificationSender {
  readonly name = 'log';
  private readonly logger = new Logger('Notifications');

  async send(message: OutgoingMessage): Promise<void> {
    this.logger.log(
      `Would send ${message.channel} "${message.subject}" to ${maskRecipient(message.recipient)} (outbox ${message.id}); no provider, logged only`,
    );
  }
}
