/**
 * Copies `text`: through the Clipboard API when there is one and it is allowed, otherwise by
 * selecting `fallbackElement`'s text and `document.execCommand('copy')`. Resolves whether it
 * worked; when it did not, the text stays selected so the user can copy it by hand.
 */
export async function copyToClipboard(text: string, fallbackElement?: Element | null): Promise<boolean> {
  try {
    if (typeof navigator !== 'undefined' && typeof navigator.clipboard?.writeText === 'function') {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission denied or not a secure context: try the old way.
  }
  if (!fallbackElement || typeof document === 'undefined') return false;
  const selection = window.getSelection?.();
  if (selection) {
    const range = document.createRange();
    range.selectNodeContents(fallbackElement);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  try {
    return document.execCommand('copy');
  } catch {
    // No `execCommand` (it throws then) or a browser that refuses it.
    return false;
  }
}
