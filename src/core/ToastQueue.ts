/** One toast waiting in, or shown from, a {@link ToastQueue}. Immutable: an update replaces it. */
export interface QueuedToast<T> {
  /** Unique within its queue; pass it to `close` or to `add` again to update the toast in place. */
  readonly key: string;
  readonly content: T;
  /** How long it stays on screen, in ms; `undefined` leaves it to the renderer's default. */
  readonly duration: number | undefined;
}

export interface ToastQueueOptions {
  /**
   * How many toasts show at once; the rest wait their turn, oldest first.
   * @default 5
   */
  maxVisibleToasts?: number;
}

export interface AddToastOptions {
  /**
   * The toast's key. Adding with the key of a queued toast updates that toast in place.
   * @default a new unique key
   */
  key?: string;
  /** How long it stays on screen, in ms. @default the renderer's default for its kind */
  duration?: number;
  /** Called once when the toast leaves the queue, by `close` or `clear`. @default none */
  onClose?: () => void;
}

interface Item<T> {
  toast: QueuedToast<T>;
  onClose: (() => void) | undefined;
}

/**
 * A queue of toasts with no UI and no React: `add`, `close`, `subscribe`, like react-stately's
 * `ToastQueue`. A renderer (`<SenseiToaster>`) subscribes and shows the visible ones; anything
 * holding the queue — a hook, a plain module, a test — can push to it. Timers belong to the
 * renderer, which can pause them while the user hovers or reads.
 *
 * @example
 * const queue = new ToastQueue<{ title: string }>();
 * const key = queue.add({ title: 'Saved' }, { duration: 3000 });
 * queue.close(key);
 */
export class ToastQueue<T> {
  #items: Item<T>[] = [];
  #visible: readonly QueuedToast<T>[] = Object.freeze([]);
  readonly #listeners = new Set<() => void>();
  readonly #maxVisibleToasts: number;
  #counter = 0;

  constructor(options: ToastQueueOptions = {}) {
    this.#maxVisibleToasts = Math.max(1, Math.floor(options.maxVisibleToasts ?? 5));
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /** The toasts to show now, oldest first; the same array until something changes. */
  getSnapshot = (): readonly QueuedToast<T>[] => this.#visible;

  /** Every queued toast, shown or waiting. */
  get toasts(): readonly QueuedToast<T>[] {
    return this.#items.map((item) => item.toast);
  }

  /** Queues a toast, or updates the one with `options.key`; returns its key. */
  add = (content: T, options: AddToastOptions = {}): string => {
    // Stryker disable next-line UpdateOperator: generated keys need only be unique; counting down is as unique as counting up
    const key = options.key ?? `toast-${++this.#counter}`;
    const toast: QueuedToast<T> = Object.freeze({ key, content, duration: options.duration });
    const existing = this.#find(key);
    this.#items = existing
      ? this.#items.map((item) => (item === existing ? { toast, onClose: options.onClose ?? item.onClose } : item))
      : [...this.#items, { toast, onClose: options.onClose }];
    this.#changed();
    return key;
  };

  /** Removes a toast; unknown keys are ignored. */
  close = (key: string): void => {
    const closed = this.#find(key);
    if (!closed) return;
    this.#items = this.#items.filter((item) => item !== closed);
    this.#changed();
    closed.onClose?.();
  };

  /** Removes every toast. */
  clear = (): void => {
    const closed = this.#items;
    if (closed.length === 0) return;
    this.#items = [];
    this.#changed();
    for (const item of closed) item.onClose?.();
  };

  #find(key: string): Item<T> | undefined {
    return this.#items.find((item) => item.toast.key === key);
  }

  #changed(): void {
    this.#visible = Object.freeze(this.#items.slice(0, this.#maxVisibleToasts).map((item) => item.toast));
    for (const listener of [...this.#listeners]) listener();
  }
}
