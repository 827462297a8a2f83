import { createTransport, Transporter } from 'nodemailer';
import type { NotificationSender, OutgoingMessage } from './notification-sender';

/** E-mail through the SMTP server in SMTP_URL. The transport connects on first use. */
export class SmtpSender implements NotificationSender {
  readonly name = 'smtp';
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = createTransport(url);
  }

  async send(message: OutgoingMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: message.recipient,
      subject: message.subject,
      text: message.body,
      ...(message.html ? { html: message.html } : {}),
      // Sent as the invitation itself (text/calendar; method=...), which Outlook and Gmail show
      // with their own "add to calendar" buttons, and so also attached as booking.ics.
      ...(message.calendar
        ? {
            icalEvent: {
              method: /^METHOD:CANCEL/m.test(message.calendar) ? 'CANCEL' : 'REQUEST',
              filename: 'booking.ics',
              content: message.calendar,
            },
          }
        : {}),
    });
  }
}
