import { z } from 'zod';

/**
 * A cycle's status on a given day in Europe/London: before its opening date, between its dates,
 * after its closing date. Its own module, so that both the cycles and the assessments contracts
 * (which import each other's neighbours) name the values once.
 */
export const CYCLE_STATUSES = ['upcoming', 'open', 'closed'] as const;
export const ZCycleStatus = z.enum(CYCLE_STATUSES);
export type TCycleStatus = z.infer<typeof ZCycleStatus>;
