'use client';
import { useContext, useMemo } from 'react';
import type { SenseiClient } from '../core/createSenseiClient.js';
import { ToastQueue } from '../core/ToastQueue.js';
import { onePer } from '../core/onePer.js';
import { SenseiContext } from './SenseiContext.js';

/** The tone of an app toast. */
export type SenseiToastVariant = 'info' | 'success' | 'error';

export interface SenseiToastAction {
  /** The button text. */
  label: string;
  /**
   * What screen-reader users hear instead of the button (Radix Toast's `altText`): the action,
   * or another way to do it, since they may not reach the toast in time.
   * @default label
   */
  altText?: string;
  /** Runs on click; the toast closes afterwards. */
  onClick: () => void;
}

/** What a queued app toast shows. Text only: it is never rendered as HTML. */
export interface SenseiToastContent {
  title: string;
  description?: string | undefined;
  variant: SenseiToastVariant;
  action?: SenseiToastAction | undefined;
}

export interface SenseiToastOptions {
  /**
   * The toast's id. Calling `toast` again with the same id updates that toast in place.
   * @default a new unique id
   */
  id?: string;
  /** The heading, as text. */
  title: string;
  /** One or two sentences, as text. */
  description?: string;
  /**
   * `error` toasts are announced assertively, the others politely.
   * @default 'info'
   */
  variant?: SenseiToastVariant;
  /** One button besides dismiss. */
  action?: SenseiToastAction;
  /**
   * How long it stays, in ms (paused while hovered or focused); `Infinity` keeps it until dismissed.
   * @default the toaster's `durations[variant]`
   */
  duration?: number;
}

export interface UseSenseiToastResult {
  /** Shows a Sensei-styled toast in `<SenseiToaster>`; returns its id. */
  toast: (options: SenseiToastOptions) => string;
  /** Closes the toast with `id`, or every app toast when called without one. */
  dismiss: (id?: string) => void;
}

export interface UseSenseiToastOptions {
  /**
   * The queue to push to (pass the same one to `<SenseiToaster queue>`).
   * @default the queue of the nearest `<SenseiProvider>`'s client
   */
  queue?: ToastQueue<SenseiToastContent>;
}

// One queue per client: hooks anywhere under the provider and the toaster meet without a
// provider of their own, wherever the toaster sits in the tree.
/** The app-toast queue that `<SenseiToaster>` shows for `client`. */
export const getSenseiToastQueue: (client: SenseiClient) => ToastQueue<SenseiToastContent> = onePer(
  () => new ToastQueue<SenseiToastContent>(),
);

/** The queue to use: `queue` if given, else the provider's; throws outside a provider without one. */
export function useSenseiToastQueue(queue: ToastQueue<SenseiToastContent> | undefined, hookName: string): ToastQueue<SenseiToastContent> {
  const context = useContext(SenseiContext);
  if (queue) return queue;
  if (!context) {
    throw new Error(
      `\`${hookName}\` must be used within \`<SenseiProvider>\`, or be given a \`queue\`: wrap your app in <SenseiProvider client={…}>, or pass the same \`new ToastQueue()\` to the hook and to <SenseiToaster queue={…}>.`,
    );
  }
  return getSenseiToastQueue(context.client);
}

/**
 * Pushes the app's own Sensei-styled toasts to `<SenseiToaster>`, from any component under
 * the provider.
 * @example
 * const { toast } = useSenseiToast();
 * toast({ title: 'Migration started', description: 'We will tell you when it is done.', variant: 'success' });
 */
export function useSenseiToast(options: UseSenseiToastOptions = {}): UseSenseiToastResult {
  const queue = useSenseiToastQueue(options.queue, 'useSenseiToast');
  return useMemo(
    () => ({
      toast: ({ id, title, description, variant = 'info', action, duration }: SenseiToastOptions) =>
        queue.add({ title, description, variant, action }, { key: id, duration }),
      dismiss: (id?: string) => (id === undefined ? queue.clear() : queue.close(id)),
    }),
    [queue],
  );
}
