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
    });
  }
}
