/**
 * The `next` of `/sign-in?next=…`, only if it is a path inside this app: `//evil.example` and
 * `https://…` would turn the sign-in page into an open redirect.
 */
export function safeNextPath(value: string | null | undefined): string | null {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return value;
}

/** `/sign-in?next=/orgs/…` for the page the user was trying to reach. */
export function signInPath(next?: string | null, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  const safe = safeNextPath(next);
  if (safe && safe !== '/') params.set('next', safe);
  const query = params.toString();
  return query ? `/sign-in?${query}` : '/sign-in';
}
