/** The narrow, centred frame of the sign-in, register and password pages. */
export function AuthPage({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div className="auth-page">
      <title>{`${title} · Waymark`}</title>
      <h1 className="auth-page__title">{title}</h1>
      {intro ? <div className="auth-page__intro">{intro}</div> : null}
      <div className="auth-page__card">{children}</div>
    </div>
  );
}
