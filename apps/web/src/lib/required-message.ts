/**
 * A required field left empty says what to enter, named for the field ("Enter your name"), as the
 * GOV.UK error message pattern asks, instead of the schema's generic message; any other problem
 * (too short, not an email) keeps its own message.
 */
export function requiredMessage(
  message: string | undefined,
  value: unknown,
  whenEmpty: string,
): string | undefined {
  if (message === undefined) return undefined;
  const empty = value === undefined || value === null || String(value).trim() === '';
  return empty ? whenEmpty : message;
}
