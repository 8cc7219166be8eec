import { useId } from 'react';

export interface EmptyStateProps {
  heading: string;
  /** 2 (default) when the empty list is part of a page, 3 inside a section. */
  headingLevel?: 2 | 3;
  children?: React.ReactNode;
  /** The way forward, e.g. a "Create…" button or link. */
  action?: React.ReactNode;
}

/** Nothing here yet: what is missing and what to do about it. */
export function EmptyState({ heading, headingLevel = 2, children, action }: EmptyStateProps) {
  const headingId = useId();
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section className="empty-state" aria-labelledby={headingId}>
      <Heading id={headingId} className="empty-state__heading">
        {heading}
      </Heading>
      {children ? <div className="empty-state__body">{children}</div> : null}
      {action ? <div className="empty-state__action">{action}</div> : null}
    </section>
  );
}
