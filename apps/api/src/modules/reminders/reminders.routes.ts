import {
  ZCycleParams,
  ZProblem,
  ZSendCycleReminderBody,
  ZSendCycleReminderResponse,
} from '@waymark/rubric';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';
import { ConflictError } from '../../errors.js';
import { cycleStatus } from '../cycles/cycle-dates.js';
import { requireCycleAccess } from '../networks/network-access.js';
import { sendCycleReminder } from './reminders.service.js';

/** A coordinator's reminder to the members of a cycle's network that have not submitted. */
export const reminderRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app) => {
  app.route({
    method: 'POST',
    url: '/cycles/:cycleId/reminders',
    schema: {
      tags: ['cycles'],
      security: [{ bearerAuth: [] }],
      summary: 'Remind the members that have not submitted (coordinators, open cycle)',
      description:
        "Every member whose assessment for the cycle is not submitted gets a notice in the app now and, when SMTP is configured, an email to its admins from the background job. Members reminded in the last 24 hours are left out. 409 `cycle_not_open` outside the cycle's dates.",
      params: ZCycleParams,
      body: ZSendCycleReminderBody,
      response: {
        201: ZSendCycleReminderResponse,
        400: ZProblem,
        401: ZProblem,
        403: ZProblem,
        404: ZProblem,
        409: ZProblem,
      },
    },
    handler: async (request, reply) => {
      const { cycle, network } = await requireCycleAccess(
        app.db,
        { cycleId: request.params.cycleId, userId: request.user.id },
        'coordinator',
      );
      const now = new Date();
      if (cycleStatus(cycle, now).status !== 'open') {
        throw new ConflictError(
          'cycle_not_open',
          `The cycle "${cycle.name}" is open from ${cycle.opensOn} to ${cycle.closesOn}.`,
        );
      }
      const result = await sendCycleReminder(app.db, {
        cycle,
        network,
        userId: request.user.id,
        message: request.body.message,
        now,
      });
      if (result.sent > 0) app.reminders.trigger();
      return reply.status(201).send({ ...result, email: app.mailer.enabled });
    },
  });
};
