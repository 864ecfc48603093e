import { createTransport, type Transporter } from 'nodemailer';

/**
 * One SMTP transport for the api's mail (invitations, transcripts), with short timeouts: the person who
 * asked waits for the answer, and a link or download is offered whatever happens.
 */
export function createSmtpTransport(smtpUrl: string): Transporter {
  return createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
}
