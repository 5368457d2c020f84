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
  /**
   * The same for every attempt of one e-mail: should a worker die between the SMTP server's
   * acceptance and the commit, the retry is a duplicate mail clients recognise as one.
   */
  messageId: string;
}

/** A Message-ID that is a function of what the e-mail is (not of the attempt). */
export const messageId = (key: string): string => `<${key}@pratique.mail>`;

@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;
  private readonly from: string;

  constructor(config: WorkerConfig) {
    this.from = config.get('MAIL_FROM');
    // Pooled: a few SMTP connections kept open and reused (one connection and EHLO per e-mail
    // cost more than the e-mail itself in a burst of registrations).
    this.transport = createTransport({
      url: config.get('SMTP_URL'),
      pool: true,
      maxConnections: 3,
      maxMessages: 500,
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
      messageId: mail.messageId,
      headers: { 'Content-Language': mail.language },
    });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
