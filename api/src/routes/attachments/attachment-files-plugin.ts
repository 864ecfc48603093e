import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AttachmentFiles } from '../../services/attachments/attachment-files.ts';
import { sweepUnsentAttachments } from '../../services/attachments/sweep-unsent.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The bytes of uploaded attachments, under config.uploadsDir. */
    attachmentFiles: AttachmentFiles;
  }
}

const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** The uploads folder, and once an hour the removal of uploads nobody sent within a day. */
export const attachmentFilesPlugin = fp(async (app: FastifyInstance) => {
  const files = new AttachmentFiles(app.config.uploadsDir);
  app.decorate('attachmentFiles', files);
  const log = app.log.child({ component: 'attachment-sweeper' });
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    timer = setInterval(() => {
      sweepUnsentAttachments(app.db, files)
        .then((removed) => removed > 0 && log.info({ removed }, 'removed unsent attachments'))
        .catch((error) => log.error({ err: error }, 'attachment sweep failed'));
    }, SWEEP_INTERVAL_MS);
    timer.unref();
  });
  app.addHook('preClose', async () => clearInterval(timer));
});
