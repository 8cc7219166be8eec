import type { TCycle, TCycleStatus } from '@waymark/rubric';
import { formatDate } from '../../../lib/format';

export const CYCLE_STATUS_LABELS: Record<TCycleStatus, string> = {
  upcoming: 'Not open yet',
  open: 'Open',
  closed: 'Closed',
};

/** "12 days left", "Last day today", or null when the cycle is not open. */
export function daysLeftLabel(daysLeft: number | null): string | null {
  if (daysLeft === null) return null;
  if (daysLeft === 0) return 'Last day today';
  return daysLeft === 1 ? '1 day left' : `${daysLeft} days left`;
}

/** "Open from 1 March 2026 to 31 May 2026", as a sentence about a cycle's dates. */
export function cycleDatesLabel(cycle: Pick<TCycle, 'opensOn' | 'closesOn' | 'status'>): string {
  const opens = formatDate(cycle.opensOn);
  const closes = formatDate(cycle.closesOn);
  if (cycle.status === 'upcoming') return `Opens on ${opens}, closes on ${closes}`;
  if (cycle.status === 'closed') return `Was open from ${opens} to ${closes}`;
  return `Open from ${opens} to ${closes}`;
}
