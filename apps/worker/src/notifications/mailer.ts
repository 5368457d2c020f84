/** The SMTP transport (nodemailer) of the worker's e-mails: SMTP_URL, sender MAIL_FROM. */
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { WorkerConfig } from '../config/worker-config.service';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  language: string;
}

@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;
  private readonly from: string;

  constructor(config: WorkerConfig) {
    this.from = config.get('MAIL_FROM');
    this.transport = createTransport({
      url: config.get('SMTP_URL'),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: { 'Content-Language': mail.language },
    });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
