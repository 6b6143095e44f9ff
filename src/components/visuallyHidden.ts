import type { CSSProperties } from 'react';

/**
 * Hides text from sight but not from screen readers (live regions, "page 3 of 10" beside a
 * number). Inline rather than a stylesheet class, so the text stays hidden in an unstyled app.
 */
export const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
};
