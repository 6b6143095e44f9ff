'use client';
import { forwardRef, useEffect, useRef, useState, type ComponentPropsWithoutRef } from 'react';
import { timers } from '../core/timers.js';
import { copyToClipboard } from './copyToClipboard.js';
import { cx } from './cx.js';

/** Words of `SenseiRequestId`; replace them for another language. */
export interface SenseiRequestIdLabels {
  /** @default 'Request ID' */
  requestId: string;
  /** Visible text of the copy button. @default 'Copy' */
  copy: string;
  /** Accessible name of the copy button; contains the visible text. @default 'Copy request ID' */
  copyLabel: string;
  /** @default 'Copied' */
  copied: string;
  /** @default 'Could not copy. The ID is selected: copy it by hand.' */
  copyFailed: string;
}

export const defaultRequestIdLabels: SenseiRequestIdLabels = Object.freeze({
  requestId: 'Request ID',
  copy: 'Copy',
  copyLabel: 'Copy request ID',
  copied: 'Copied',
  copyFailed: 'Could not copy. The ID is selected: copy it by hand.',
});

export type CopyState = 'idle' | 'copied' | 'failed';

export interface SenseiRequestIdProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'onCopy'> {
  /** The server's `request_id`, shown as text. */
  requestId: string;
  /** @default defaultRequestIdLabels */
  labels?: Partial<SenseiRequestIdLabels>;
  /** Called after each copy attempt. */
  onCopy?: (result: 'copied' | 'failed') => void;
  /**
   * How long "Copied" shows, in ms.
   * @default 2000
   */
  copiedDurationMs?: number;
}

/**
 * A request id with a copy button, for quoting to support. Uses the Clipboard API and falls
 * back to selecting the id (and `execCommand('copy')`); if that fails too, the id stays selected
 * and a message says to copy it by hand. The result is announced politely.
 */
export const SenseiRequestId = forwardRef<HTMLDivElement, SenseiRequestIdProps>(function SenseiRequestId(
  { requestId, labels: labelOverrides, onCopy, copiedDurationMs = 2000, className, ...rest },
  ref,
) {
  const labels = { ...defaultRequestIdLabels, ...labelOverrides };
  const [copyState, setCopyState] = useState<CopyState>('idle');
  const valueRef = useRef<HTMLElement>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (copyState !== 'copied') return;
    const handle = timers.setTimeout(() => setCopyState('idle'), copiedDurationMs);
    return () => timers.clearTimeout(handle);
  }, [copyState, copiedDurationMs]);

  const copy = async () => {
    const ok = await copyToClipboard(requestId, valueRef.current);
    if (!mounted.current) return;
    const result = ok ? 'copied' : 'failed';
    setCopyState(result);
    onCopy?.(result);
  };

  return (
    <div ref={ref} {...rest} className={cx(className)} data-slot="request-id" data-state={copyState}>
      <span data-slot="request-id-label">{labels.requestId}</span>{' '}
      <code ref={valueRef} data-slot="request-id-value">
        <bdi>{requestId}</bdi>
      </code>{' '}
      <button type="button" data-slot="request-id-copy" aria-label={labels.copyLabel} onClick={() => void copy()}>
        {labels.copy}
      </button>{' '}
      <span role="status" data-slot="request-id-feedback">
        {copyState === 'copied' ? labels.copied : copyState === 'failed' ? labels.copyFailed : ''}
      </span>
    </div>
  );
});
SenseiRequestId.displayName = 'SenseiRequestId';
