'use client';
import * as Toast from '@radix-ui/react-toast';
import { forwardRef, useLayoutEffect, useRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { cx } from './cx.js';

/** The parts of a toast; each has `data-slot="toast-<part>"` and a `classNames` entry. */
export type SenseiToastPart = 'icon' | 'body' | 'title' | 'description' | 'meta' | 'actions' | 'action' | 'close';

/** The tone of a toast: `warning` is a retry in progress. */
export type SenseiToastTone = 'info' | 'success' | 'error' | 'warning';

export interface SenseiToastProps
  extends Omit<ComponentPropsWithoutRef<typeof Toast.Root>, 'title' | 'children' | 'asChild' | 'forceMount'> {
  /** Colour and icon; also `data-variant` on the root. */
  variant: SenseiToastTone;
  /** What it is about, as text. */
  title: ReactNode;
  /** The sentence under the title. @default none */
  description?: ReactNode;
  /** Anything below the description (a request id, a list). @default none */
  children?: ReactNode;
  /** `Toast.Action` buttons. @default none */
  actions?: ReactNode;
  /** Accessible name of the close button. */
  dismissLabel: string;
  /** Class names per part; the root takes `className`. @default {} */
  classNames?: Partial<Record<SenseiToastPart, string>> | undefined;
}

/** One path per tone: i in a circle, a check in a circle, ! in a circle, a clock. */
const CIRCLE = 'M8 1.5a6.5 6.5 0 1 1 0 13a6.5 6.5 0 1 1 0-13';
const ICONS: Record<SenseiToastTone, string> = {
  info: `${CIRCLE}M8 7.5v4M8 4.75v.5`,
  success: `${CIRCLE}M5.25 8.25l1.75 1.75l3.75-4`,
  error: `${CIRCLE}M8 4.5v4.25M8 11v.5`,
  warning: `${CIRCLE}M8 4.5v3.75l2.5 1.5`,
};

/**
 * One toast on Radix Toast's `Root`, with the library's slots: title, description, meta,
 * actions and a close button. Swipe, Escape, pause-on-hover and the announcement come from
 * Radix. Used by `<SenseiToaster>`; render it inside its viewport only.
 */
export const SenseiToast = forwardRef<HTMLLIElement, SenseiToastProps>(function SenseiToast(
  { variant, title, description, children, actions, dismissLabel, classNames = {}, className, open, ...rest },
  ref,
) {
  const node = useRef<HTMLLIElement | null>(null);
  const slot = (part: SenseiToastPart) => ({ 'data-slot': `toast-${part}`, className: cx(classNames[part]) });
  // Closed from outside (retry settled) while focused: keep focus in the notifications region
  // instead of dropping it to the page, as Radix does when the user closes a toast.
  useLayoutEffect(() => {
    const element = node.current;
    if (open === false && element?.contains(element.ownerDocument.activeElement)) {
      const viewport = element.closest<HTMLElement>('[data-slot="toaster"]') ?? element.parentElement;
      viewport?.focus();
    }
  }, [open]);
  return (
    <Toast.Root
      {...rest}
      open={open}
      ref={(element) => {
        node.current = element;
        if (typeof ref === 'function') ref(element);
        else if (ref) ref.current = element;
      }}
      className={cx(className)}
      data-slot="toast"
      data-variant={variant}
    >
      {/* The tone in a shape too: colour alone is lost in forced colours and to colour-blind users. */}
      <svg {...slot('icon')} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        <path d={ICONS[variant]} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <div {...slot('body')}>
        <Toast.Title {...slot('title')}>{title}</Toast.Title>
        {description !== undefined && <Toast.Description {...slot('description')}>{description}</Toast.Description>}
        {children}
      </div>
      {actions && <div {...slot('actions')}>{actions}</div>}
      <Toast.Close {...slot('close')} aria-label={dismissLabel}>
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
        </svg>
      </Toast.Close>
    </Toast.Root>
  );
});
SenseiToast.displayName = 'SenseiToast';
