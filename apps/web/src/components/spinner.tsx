/** A loading state: a spinner and what is loading, announced politely to screen readers. */
export function LoadingState({ label, compact = false }: { label: string; compact?: boolean }) {
  return (
    <div
      className={compact ? 'loading-state loading-state--compact' : 'loading-state'}
      role="status"
    >
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
