import { TZDate } from '@date-fns/tz';
import type { TCycleStatus } from '@waymark/rubric';
import { differenceInCalendarDays, format } from 'date-fns';

/** The time zone a cycle's calendar dates are read in. */
export const CYCLE_TIME_ZONE = 'Europe/London';

/** Today's date (`YYYY-MM-DD`) in Europe/London at `now`. */
export function londonToday(now: Date = new Date()): string {
  return format(new TZDate(now, CYCLE_TIME_ZONE), 'yyyy-MM-dd');
}

/**
 * A cycle is open from the start of `opensOn` to the end of `closesOn` in Europe/London (so a
 * cycle closing on 31 March is still open at 23:59 BST on that day). `daysLeft` counts whole days
 * after today until `closesOn` (0 on the last day), null unless open.
 */
export function cycleStatus(
  cycle: { opensOn: string; closesOn: string },
  now: Date = new Date(),
): { status: TCycleStatus; daysLeft: number | null } {
  const today = londonToday(now);
  // ISO calendar dates compare correctly as strings.
  if (today < cycle.opensOn) return { status: 'upcoming', daysLeft: null };
  if (today > cycle.closesOn) return { status: 'closed', daysLeft: null };
  return {
    status: 'open',
    daysLeft: differenceInCalendarDays(new Date(cycle.closesOn), new Date(today)),
  };
}
