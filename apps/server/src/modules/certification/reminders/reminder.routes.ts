import { reminderSweepView } from '@ocop/contracts/certification';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { capability, requireActor } from '../../../platform/http/access';
import { auditContextOf } from '../../identity';
import type { CertificateReminders } from './certificate-reminders';

const TAG = ['Giấy chứng nhận OCOP / Certificates'];

/** Running the daily reminder sweep now, for operations and tests (the daily job runs it at 06:00). */
export function reminderRoutes(reminders: CertificateReminders): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/certification/reminders/run',
      {
        config: { access: capability('certificates.manage') },
        schema: {
          tags: TAG,
          summary: 'Send the expiry reminders due today now (the caller’s provinces; all for a system admin); never twice',
          response: { 200: reminderSweepView },
        },
      },
      async (request) => reminders.runNow(requireActor(request), auditContextOf(request)),
    );
  };
}
