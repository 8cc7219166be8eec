import type { TFrameworkSummary } from '@waymark/rubric';

/** `anchor-progression@1`: a framework version as the form's select names it. */
export function frameworkKey(f: Pick<TFrameworkSummary, 'id' | 'version'>): string {
  return `${f.id}@${f.version}`;
}

export function parseFrameworkKey(key: string): { frameworkId: string; frameworkVersion: number } {
  const at = key.lastIndexOf('@');
  return { frameworkId: key.slice(0, at), frameworkVersion: Number(key.slice(at + 1)) };
}

export function frameworkOptions(items: readonly TFrameworkSummary[]) {
  return [...items]
    .sort((a, b) => a.title.localeCompare(b.title) || b.version - a.version)
    .map((f) => ({
      value: frameworkKey(f),
      label: `${f.title}, version ${f.version} (${f.criterionCount} questions)`,
    }));
}

/** Today in Europe/London as `YYYY-MM-DD`, the cycles' calendar. */
export function todayInLondon(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
