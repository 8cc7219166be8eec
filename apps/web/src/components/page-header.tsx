export interface PageHeaderProps {
  title: string;
  /** A small line above the title, e.g. the organisation's name. */
  eyebrow?: React.ReactNode;
  description?: React.ReactNode;
  /** Buttons or links beside the title (they wrap below it on a narrow screen). */
  actions?: React.ReactNode;
}

/** A page's `<h1>`, with its browser tab title ("Title · Waymark"). */
export function PageHeader({ title, eyebrow, description, actions }: PageHeaderProps) {
  return (
    <header className="page-header">
      <title>{`${title} · Waymark`}</title>
      <div className="page-header__text">
        {eyebrow ? <p className="eyebrow">{eyebrow}</p> : null}
        <h1 className="page-header__title">{title}</h1>
        {description ? <div className="page-header__description">{description}</div> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </header>
  );
}
