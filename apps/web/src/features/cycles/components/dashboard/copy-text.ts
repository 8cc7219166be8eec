/**
 * Copies text to the clipboard: the Clipboard API where the page may use it (a secure context,
 * with permission), else the older `execCommand('copy')` on a temporary text box. False when
 * neither worked, so that the page can say how to copy by hand.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, or not a secure context): try the fallback.
  }
  const active = document.activeElement;
  const box = document.createElement('textarea');
  box.value = text;
  box.setAttribute('readonly', '');
  box.style.position = 'fixed';
  box.style.opacity = '0';
  document.body.append(box);
  box.select();
  let copied = false;
  try {
    copied = typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    copied = false;
  }
  box.remove();
  if (active instanceof HTMLElement) active.focus();
  return copied;
}
