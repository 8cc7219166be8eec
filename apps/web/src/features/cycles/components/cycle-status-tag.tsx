import type { TCycleStatus } from '@waymark/rubric';
import { CYCLE_STATUS_LABELS } from '../lib/cycle-labels';

export function CycleStatusTag({ status }: { status: TCycleStatus }) {
  return (
    <span className={`tag cycle-tag cycle-tag--${status}`}>{CYCLE_STATUS_LABELS[status]}</span>
  );
}
