'use client';
import { useCallback, useEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent } from 'react';
import { defaultDevtoolsLabels } from './devtoolsLabels.js';
import { SenseiDevtoolsPanel, type SenseiDevtoolsPanelProps } from './SenseiDevtoolsPanel.js';

export interface SenseiDevtoolsProps extends Omit<SenseiDevtoolsPanelProps, 'headingLevel'> {
  /**
   * Open at first; later the panel remembers what the user chose (in `localStorage`).
   * @default false
   */
  initialIsOpen?: boolean;
  /**
   * The key that opens and closes the panel from anywhere, with Alt and Shift held
   * (`event.code` `Key` + this letter, so it works on every keyboard layout).
   * @default 'S' (Alt+Shift+S)
   */
  toggleKey?: string;
  /**
   * Where the open/closed state and the height are kept, under this prefix.
   * @default 'sensei-devtools'
   */
  storageKey?: string;
}

const MIN_HEIGHT = 160;
const STEP = 40;

function read(key: string): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(key);
  } catch {
    return null; // Storage disabled (private mode): the panel still works, it only forgets.
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Full or disabled storage.
  }
}

const maxHeight = () => Math.max(MIN_HEIGHT, (typeof window === 'undefined' ? 800 : window.innerHeight) - 48);
const clampHeight = (height: number) => (Number.isFinite(height) ? Math.min(Math.max(height, MIN_HEIGHT), maxHeight()) : 360);

/**
 * The Sensei devtools as a floating, resizable panel with a toggle button: Alt+Shift+S (or the
 * button) opens and closes it, and it remembers both its state and its height. Load it lazily
 * in development only (see the README's "Devtools"), so production builds leave it out.
 * @example
 * <SenseiProvider client={client}>
 *   <App />
 *   <SenseiDevtools />
 * </SenseiProvider>
 */
export function SenseiDevtools({ initialIsOpen = false, toggleKey = 'S', storageKey = 'sensei-devtools', labels, className, ...panel }: SenseiDevtoolsProps) {
  const title = labels?.title ?? defaultDevtoolsLabels.title;
  const close = labels?.close ?? defaultDevtoolsLabels.close;
  const resize = labels?.resize ?? defaultDevtoolsLabels.resize;
  // Client-only (a devtools is loaded lazily in the browser), so storage can be read at once.
  const [open, setOpenState] = useState(() => {
    const stored = read(`${storageKey}:open`);
    return stored === null ? initialIsOpen : stored === 'true';
  });
  const [height, setHeightState] = useState(() => clampHeight(Number(read(`${storageKey}:height`)) || 360));
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const focusOnOpen = useRef(false);
  const openRef = useRef(open);
  useEffect(() => {
    openRef.current = open;
  }, [open]);

  const setOpen = useCallback(
    (next: boolean, moveFocus: boolean) => {
      setOpenState(next);
      write(`${storageKey}:open`, String(next));
      focusOnOpen.current = next && moveFocus;
      // The panel's controls go away: focus goes to the toggle, never to <body>.
      if (!next && moveFocus) toggleRef.current?.focus();
    },
    [storageKey],
  );

  const setHeight = useCallback(
    (next: number) => {
      const clamped = clampHeight(next);
      setHeightState(clamped);
      write(`${storageKey}:height`, String(clamped));
    },
    [storageKey],
  );

  useEffect(() => {
    if (!open || !focusOnOpen.current) return;
    focusOnOpen.current = false;
    panelRef.current?.querySelector<HTMLElement>('[data-slot="title"]')?.focus();
  }, [open]);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.code !== `Key${toggleKey.toUpperCase()}`) return;
      event.preventDefault();
      const next = !openRef.current;
      const focusInside = panelRef.current?.contains(document.activeElement) ?? false;
      setOpen(next, next || focusInside);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggleKey, storageKey, setOpen]);

  const onHandleKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const change = { ArrowUp: STEP, ArrowDown: -STEP, PageUp: STEP * 4, PageDown: -STEP * 4 }[event.key];
    if (change !== undefined) {
      event.preventDefault();
      setHeight(height + change);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      setHeight(event.key === 'Home' ? MIN_HEIGHT : maxHeight());
    }
  };

  const onHandlePointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const startY = event.clientY;
    const startHeight = height;
    const target = event.currentTarget;
    target.setPointerCapture?.(event.pointerId);
    const move = (moved: globalThis.PointerEvent) => setHeight(startHeight + startY - moved.clientY);
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };

  return (
    <div
      className={['sensei-devtools', className].filter(Boolean).join(' ')}
      data-state={open ? 'open' : 'closed'}
      style={{ '--sensei-devtools-height': `${height}px` } as CSSProperties}
    >
      <button
        ref={toggleRef}
        type="button"
        className="sensei-devtools__toggle"
        aria-expanded={open}
        aria-keyshortcuts={`Alt+Shift+${toggleKey.toUpperCase()}`}
        onClick={() => setOpen(!open, !open)}
      >
        {title}
      </button>
      {open && (
        <section className="sensei-devtools__panel" aria-label={title} style={{ blockSize: 'var(--sensei-devtools-height)' }} ref={panelRef}>
          <div
            className="sensei-devtools__resize"
            role="separator"
            aria-orientation="horizontal"
            aria-label={resize}
            aria-valuemin={MIN_HEIGHT}
            aria-valuemax={maxHeight()}
            aria-valuenow={height}
            tabIndex={0}
            onKeyDown={onHandleKey}
            onPointerDown={onHandlePointerDown}
          />
          <button type="button" className="sensei-devtools__button sensei-devtools__close" onClick={() => setOpen(false, true)}>
            {close}
          </button>
          <SenseiDevtoolsPanel {...panel} labels={labels} headingLevel={2} />
        </section>
      )}
    </div>
  );
}
