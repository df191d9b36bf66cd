import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { MailSettings } from '../../config.ts';

/**
 * How mail leaves: SMTP (nodemailer, pooled) when the operator configured it, otherwise .eml files
 * in `<dataDir>/outbox/` that a person can open or forward. Either way a message is named by its
 * idempotency key: the outbox file name and the SMTP Message-ID are derived from it, so a retried
 * delivery overwrites the same file, and a receiving server (or person) can recognise a repeat.
 */
export interface OutgoingMessage {
  idempotencyKey: string;
  to: string[];
  subject: string;
  text: string;
}

export interface Mailer {
  readonly transport: 'smtp' | 'outbox';
  /** The folder .eml files are written to, when there is no SMTP server. */
  readonly outboxDir: string | undefined;
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

export interface MailContext {
  mailer: Mailer;
  /** Where links in emails point: the portal, invitations. */
  publicUrl: string;
}

export function messageIdFor(idempotencyKey: string): string {
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}@answerable>`;
}

export function createMailer(settings: MailSettings, dataDir: string): Mailer {
  if (settings.smtp) {
    const { host, port, secure, user, password } = settings.smtp;
    const transporter = nodemailer.createTransport({
      pool: true,
      host,
      port,
      secure,
      ...(user ? { auth: { user, pass: password ?? '' } } : {}),
    });
    return {
      transport: 'smtp',
      outboxDir: undefined,
      async send(message) {
        await transporter.sendMail({ from: settings.from, to: message.to, subject: message.subject, text: message.text, messageId: messageIdFor(message.idempotencyKey) });
      },
      close: () => transporter.close(),
    };
  }
  const outboxDir = join(dataDir, 'outbox');
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    transport: 'outbox',
    outboxDir,
    async send(message) {
      const info = await composer.sendMail({ from: settings.from, to: message.to, subject: message.subject, text: message.text, messageId: messageIdFor(message.idempotencyKey) });
      const name = createHash('sha256').update(message.idempotencyKey).digest('hex');
      await mkdir(outboxDir, { recursive: true });
      const temporary = join(outboxDir, `.${name}.tmp`);
      await writeFile(temporary, info.message as Buffer);
      // Same key, same name: a retried delivery replaces the file instead of adding a second one.
      await rename(temporary, join(outboxDir, `${name}.eml`));
    },
    close: () => composer.close(),
  };
}

/** The mail context of a service context; without one, the outbox folder under the data directory. */
const fallbackMailers = new Map<string, MailContext>();
export function mailOf(ctx: { mail?: MailContext | undefined; dataDir: string }): MailContext {
  if (ctx.mail) return ctx.mail;
  let fallback = fallbackMailers.get(ctx.dataDir);
  if (!fallback) {
    fallback = { mailer: createMailer({ smtp: undefined, from: 'Answerable <answerable@localhost>' }, ctx.dataDir), publicUrl: 'http://127.0.0.1:3000' };
    fallbackMailers.set(ctx.dataDir, fallback);
  }
  return fallback;
}
