import type { Config } from '../../config.ts';
import { createSmtpTransport } from '../mail/smtp-transport.ts';

export interface TranscriptEmail {
  to: string;
  inboxName: string;
  fileName: string;
  text: string;
}

export interface TranscriptMailer {
  send(email: TranscriptEmail): Promise<void>;
  close(): void;
}

/** Sends transcripts through SMTP_URL; null when it is not set (the widget then offers the download only). */
export function createTranscriptMailer(config: Pick<Config, 'smtpUrl' | 'smtpFrom'>): TranscriptMailer | null {
  if (!config.smtpUrl) return null;
  const transport = createSmtpTransport(config.smtpUrl);
  return {
    async send(email) {
      // Plain text in the body and as an attachment: nothing a visitor or agent typed becomes markup.
      await transport.sendMail({
        from: config.smtpFrom,
        to: email.to,
        subject: `Your conversation with ${email.inboxName}`,
        text: email.text,
        attachments: [{ filename: email.fileName, content: email.text, contentType: 'text/plain; charset=utf-8' }],
      });
    },
    close: () => transport.close(),
  };
}
