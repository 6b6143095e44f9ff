'use client';
import { useCallback, useEffect, useRef, type Ref, type RefCallback } from 'react';

/** Options of `useFocusRecovery`. */
export interface FocusRecoveryOptions<T extends HTMLElement = HTMLElement> {
  /**
   * Also receives the container element: the component's forwarded ref (object or function).
   * @default none
   */
  ref?: Ref<T> | undefined;
  /**
   * Picks where focus goes when the focused control inside the container goes away. Return
   * `null`/`undefined` (or an element that cannot take focus) to fall back to the defaults.
   * `lost` is the control that had focus; it may be detached already.
   * @default none: a control with the same `data-slot` as the lost one, else the first
   * focusable control in the container, else the container itself (made focusable with
   * `tabindex="-1"`)
   * @example
   * useFocusRecovery({ ref, target: (root) => root.querySelector('[data-slot="panel-title"]') })
   */
  target?: ((container: T, lost: HTMLElement) => HTMLElement | null | undefined) | undefined;
  /**
   * `false` leaves focus alone (the container is still handed to `ref`).
   * @default true
   */
  enabled?: boolean | undefined;
}

const FOCUSABLE =
  'button, [href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/**
 * What can hold focus at all (any `tabindex`, so a focused `tabindex="-1"` title counts). A link
 * that loses its `href` cannot: Chromium blurs it only after the DOM change, so it must be seen
 * as gone when the change is observed, not when the late blur arrives.
 */
const HOLDS_FOCUS = 'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';

/** Can `el`, inside `container`, take focus from a keyboard user? `aria-disabled` controls can. */
function isAvailable(el: Element, container: HTMLElement): boolean {
  return (
    el.isConnected &&
    el.matches(HOLDS_FOCUS) &&
    container.contains(el) &&
    !el.matches(':disabled') &&
    el.closest('[hidden], [inert], [aria-hidden="true"]') === null &&
    // A collapsed `display: none` part has no box; jsdom has no layout, so it only checks there.
    !(typeof (el as HTMLElement).checkVisibility === 'function' && !(el as HTMLElement).checkVisibility())
  );
}

function focusables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => isAvailable(el, container));
}

/** Is focus nowhere a user put it (on `<body>`, or still on the control that went away)? */
function focusIsLost(lost: HTMLElement): boolean {
  const active = lost.ownerDocument.activeElement;
  return active === null || active === lost.ownerDocument.body || active === lost || !active.isConnected;
}

function assignRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) (ref as { current: T | null }).current = value;
}

/**
 * Keeps keyboard focus inside a component when the focused control goes away on a state change
 * (removed, disabled, hidden, or replaced by another element): focus moves to a stable target
 * in the component instead of falling to `<body>`, where a keyboard or screen-reader user
 * loses their place. Attach the returned callback ref to the component's root.
 *
 * Where focus goes, in order: `target(container, lost)`; a control with the same `data-slot`
 * as the lost one (the control that replaced it); the first focusable control; the container
 * itself (given `tabindex="-1"`, so Tab continues from there).
 *
 * It acts only when focus was inside the container and is now lost: a user who moved focus
 * elsewhere, or clicked the page, keeps it where they put it. Changes are seen through a
 * `MutationObserver`, so a child component that re-renders alone is covered too. A component
 * that can keep the control mounted should do so (`aria-disabled`); this is the net below.
 *
 * @example
 * const Banner = forwardRef<HTMLDivElement, Props>(function Banner(props, ref) {
 *   const rootRef = useFocusRecovery({ ref });
 *   return <div ref={rootRef}>…{open && <button onClick={close}>Dismiss</button>}</div>;
 * });
 */
export function useFocusRecovery<T extends HTMLElement = HTMLElement>(options: FocusRecoveryOptions<T> = {}): RefCallback<T> {
  const { ref } = options;
  // Read at recovery time, so an inline `target` does not re-attach the observer each render.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  // The control that had focus inside the container; kept across a re-attached container.
  const lastFocused = useRef<HTMLElement | null>(null);
  const detach = useRef<(() => void) | null>(null);
  const check = useRef<(() => void) | null>(null);
  // The observer sees every change in a microtask before paint; this also checks the owner's
  // own re-render where microtasks wait (a synchronous `act`). No layout effect and no
  // `document` at import: it runs on the server too.
  useEffect(() => check.current?.());

  const attach = useCallback(
    (container: T | null) => {
      detach.current?.();
      detach.current = check.current = null;
      assignRef(ref, container);
      if (!container || typeof MutationObserver === 'undefined') return;

      const recover = () => {
        const lost = lastFocused.current;
        if (!lost || latest.current.enabled === false || !container.isConnected) return;
        if (isAvailable(lost, container) || !focusIsLost(lost)) return;
        const chosen = latest.current.target?.(container, lost);
        const slot = lost.getAttribute('data-slot');
        const candidates = focusables(container);
        const next =
          (chosen && isAvailable(chosen, container) ? chosen : undefined) ??
          (slot === null ? undefined : candidates.find((el) => el.getAttribute('data-slot') === slot)) ??
          candidates[0] ??
          container;
        if (next === container && !container.hasAttribute('tabindex')) container.setAttribute('tabindex', '-1');
        next.focus();
        // Focus that did not land (a `display: contents` container) leaves nothing to guard.
        if (lost.ownerDocument.activeElement !== next) lastFocused.current = null;
      };

      const onFocusIn = (event: FocusEvent) => {
        if (event.target instanceof HTMLElement) lastFocused.current = event.target;
      };
      const onFocusOut = (event: FocusEvent) => {
        const to = event.relatedTarget;
        // Focus moved to another element outside: the user's choice, nothing to recover.
        if (to instanceof Node && !container.contains(to)) {
          lastFocused.current = null;
          return;
        }
        if (to !== null) return;
        // Nowhere (a click on the page, or the control going away): it was the user's if the
        // control is still there afterwards.
        const from = event.target;
        queueMicrotask(() => {
          if (from === lastFocused.current && from instanceof HTMLElement && isAvailable(from, container) && !container.contains(from.ownerDocument.activeElement)) {
            lastFocused.current = null;
          }
        });
      };

      container.addEventListener('focusin', onFocusIn);
      container.addEventListener('focusout', onFocusOut);
      const observer = new MutationObserver(recover);
      observer.observe(container, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'hidden', 'inert', 'aria-hidden', 'style', 'class'] });
      // Focus already inside when the container mounts (it re-attached).
      const active = container.ownerDocument.activeElement;
      if (active instanceof HTMLElement && active !== container && container.contains(active)) lastFocused.current = active;
      check.current = recover;
      detach.current = () => {
        observer.disconnect();
        container.removeEventListener('focusin', onFocusIn);
        container.removeEventListener('focusout', onFocusOut);
      };
    },
    [ref],
  );

  return attach;
}
