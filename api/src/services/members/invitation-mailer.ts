import type { Config } from '../../config.ts';
import { createSmtpTransport } from '../mail/smtp-transport.ts';

export interface InvitationEmail {
  to: string;
  workspaceName: string;
  inviterName: string;
  role: 'admin' | 'agent';
  acceptUrl: string;
  expiresAt: Date;
}

export interface InvitationMailer {
  send(email: InvitationEmail): Promise<void>;
  close(): void;
}

/** Sends invitation emails through SMTP_URL; null when it is not set (the console shows the link instead). */
export function createInvitationMailer(config: Pick<Config, 'smtpUrl' | 'smtpFrom'>): InvitationMailer | null {
  if (!config.smtpUrl) return null;
  const transport = createSmtpTransport(config.smtpUrl);
  return {
    async send(email) {
      await transport.sendMail({
        from: config.smtpFrom,
        to: email.to,
        subject: `${email.inviterName} invited you to ${email.workspaceName} on Parley`,
        text: writeInvitationText(email),
      });
    },
    close: () => transport.close(),
  };
}

/** Plain text only: names typed by people never become markup. */
export function writeInvitationText(email: InvitationEmail): string {
  const role = email.role === 'admin' ? 'an admin' : 'an agent';
  return [
    `${email.inviterName} invited you to join ${email.workspaceName} on Parley as ${role}.`,
    '',
    'Choose your name and password here:',
    email.acceptUrl,
    '',
    `The link works once and until ${email.expiresAt.toUTCString()}.`,
    'If you did not expect this, you can ignore this email.',
  ].join('\n');
}
