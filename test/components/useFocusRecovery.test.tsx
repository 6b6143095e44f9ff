import { act, render, screen } from '@testing-library/react';
import { createRef, forwardRef, useState, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useFocusRecovery, type FocusRecoveryOptions } from '../../src/components/useFocusRecovery.js';

/** A component whose controls come and go with its props, its root under the hook. */
const Box = forwardRef<HTMLDivElement, { children?: ReactNode; options?: FocusRecoveryOptions<HTMLDivElement> }>(function Box(
  { children, options },
  ref,
) {
  const rootRef = useFocusRecovery({ ...options, ref });
  return (
    <div ref={rootRef} data-testid="root">
      {children}
    </div>
  );
});

function focus(el: HTMLElement) {
  act(() => el.focus());
  expect(el).toHaveFocus();
}

describe('useFocusRecovery', () => {
  it('moves focus to another control in the component when the focused one is removed', () => {
    const { rerender } = render(
      <Box>
        <p>Rate limit reached</p>
        <a href="#details">Details</a>
        <button type="button">Dismiss</button>
      </Box>,
    );
    focus(screen.getByRole('button', { name: 'Dismiss' }));
    rerender(
      <Box>
        <p>Rate limit reached</p>
        <a href="#details">Details</a>
      </Box>,
    );
    expect(document.body).not.toHaveFocus();
    expect(screen.getByRole('link', { name: 'Details' })).toHaveFocus();
  });

  it('falls back to the container itself (tabindex -1) when nothing in it can take focus', () => {
    const { rerender } = render(
      <Box>
        <span role="status">In progress…</span>
        <button type="button">Cancel</button>
      </Box>,
    );
    focus(screen.getByRole('button', { name: 'Cancel' }));
    rerender(
      <Box>
        <span role="status">Completed</span>
      </Box>,
    );
    const root = screen.getByTestId('root');
    expect(root).toHaveFocus();
    expect(root).toHaveAttribute('tabindex', '-1');
  });

  it('moves focus off a control that becomes disabled', () => {
    const { rerender } = render(
      <Box>
        <button type="button">Retry</button>
        <button type="button">Copy</button>
      </Box>,
    );
    focus(screen.getByRole('button', { name: 'Retry' }));
    rerender(
      <Box>
        <button type="button" disabled>
          Retry
        </button>
        <button type="button">Copy</button>
      </Box>,
    );
    expect(screen.getByRole('button', { name: 'Copy' })).toHaveFocus();
  });

  it('moves focus off a link that loses its href (a paginator link turning disabled), which Chromium blurs later', () => {
    const target: FocusRecoveryOptions<HTMLDivElement>['target'] = (root) => root.querySelector<HTMLElement>('[aria-current="page"]');
    const { rerender } = render(
      <Box options={{ target }}>
        <a href="?page=14">14</a>
        <a href="?page=15">15</a>
        <a href="?page=15">Last page</a>
      </Box>,
    );
    focus(screen.getByRole('link', { name: 'Last page' }));
    rerender(
      <Box options={{ target }}>
        <a href="?page=14">14</a>
        <a href="?page=15" aria-current="page">
          15
        </a>
        <a aria-disabled="true">Last page</a>
      </Box>,
    );
    expect(screen.getByRole('link', { name: '15' })).toHaveFocus();
  });

  it('moves focus off a control that becomes hidden', () => {
    const { rerender } = render(
      <Box>
        <button type="button">Retry</button>
        <button type="button">Copy</button>
      </Box>,
    );
    focus(screen.getByRole('button', { name: 'Retry' }));
    rerender(
      <Box>
        <button type="button" hidden>
          Retry
        </button>
        <button type="button">Copy</button>
      </Box>,
    );
    expect(screen.getByRole('button', { name: 'Copy' })).toHaveFocus();
  });

  it('follows a control replaced by another in the same slot, not the first control', () => {
    const { rerender } = render(
      <Box>
        <button type="button" data-slot="copy">
          Copy
        </button>
        <button key="cancel" type="button" data-slot="action">
          Cancel
        </button>
      </Box>,
    );
    focus(screen.getByRole('button', { name: 'Cancel' }));
    rerender(
      <Box>
        <button type="button" data-slot="copy">
          Copy
        </button>
        <button key="resume" type="button" data-slot="action">
          Resume
        </button>
      </Box>,
    );
    expect(screen.getByRole('button', { name: 'Resume' })).toHaveFocus();
  });

  it('uses the target option first, and the defaults when it returns nothing usable', () => {
    const target = vi.fn((root: HTMLDivElement) => root.querySelector<HTMLElement>('h2'));
    const view = (children: ReactNode) => <Box options={{ target }}>{children}</Box>;
    const { rerender } = render(
      view(
        <>
          <h2 tabIndex={-1}>Service unavailable</h2>
          <button type="button">Other</button>
          <button type="button">Retry</button>
        </>,
      ),
    );
    const retry = screen.getByRole('button', { name: 'Retry' });
    focus(retry);
    rerender(
      view(
        <>
          <h2 tabIndex={-1}>Service unavailable</h2>
          <button type="button">Other</button>
        </>,
      ),
    );
    expect(screen.getByRole('heading')).toHaveFocus();
    expect(target).toHaveBeenLastCalledWith(screen.getByTestId('root'), retry);

    // A target that cannot take focus (hidden) is skipped.
    focus(screen.getByRole('button', { name: 'Other' }));
    rerender(
      view(
        <h2 tabIndex={-1} hidden>
          Service unavailable
        </h2>,
      ),
    );
    expect(screen.getByTestId('root')).toHaveFocus();
  });

  it('covers a child component that re-renders on its own', async () => {
    let finish = () => {};
    function Child() {
      const [done, setDone] = useState(false);
      finish = () => setDone(true);
      return done ? <span>Done</span> : <button type="button">Cancel</button>;
    }
    render(
      <Box>
        <button type="button">Details</button>
        <Child />
      </Box>,
    );
    focus(screen.getByRole('button', { name: 'Cancel' }));
    // Only the child renders: the observer sees it, in a microtask before paint.
    await act(async () => finish());
    expect(screen.getByRole('button', { name: 'Details' })).toHaveFocus();
  });

  it('leaves focus where the user put it: another element outside, or the page after a click', async () => {
    const { rerender } = render(
      <>
        <input aria-label="Search" />
        <Box>
          <a href="#a">A</a>
          <button type="button">Dismiss</button>
        </Box>
      </>,
    );
    const search = screen.getByRole('textbox', { name: 'Search' });
    focus(screen.getByRole('button', { name: 'Dismiss' }));
    focus(search);
    rerender(
      <>
        <input aria-label="Search" />
        <Box>
          <a href="#a">A</a>
        </Box>
      </>,
    );
    expect(search).toHaveFocus();

    // Blurred to the page (a click on blank space), then the control goes: focus stays put.
    rerender(
      <>
        <input aria-label="Search" />
        <Box>
          <a href="#a">A</a>
          <button type="button">Dismiss</button>
        </Box>
      </>,
    );
    focus(screen.getByRole('button', { name: 'Dismiss' }));
    await act(async () => screen.getByRole('button', { name: 'Dismiss' }).blur());
    rerender(
      <>
        <input aria-label="Search" />
        <Box>
          <a href="#a">A</a>
        </Box>
      </>,
    );
    expect(document.body).toHaveFocus();
  });

  it('does nothing when disabled, and hands the container to the forwarded ref (object or function)', () => {
    const objectRef = createRef<HTMLDivElement>();
    const fnRef = vi.fn();
    const { rerender, unmount } = render(
      <Box ref={objectRef} options={{ enabled: false }}>
        <button type="button">Dismiss</button>
      </Box>,
    );
    expect(objectRef.current).toBe(screen.getByTestId('root'));
    focus(screen.getByRole('button', { name: 'Dismiss' }));
    rerender(<Box ref={objectRef} options={{ enabled: false }} />);
    expect(document.body).toHaveFocus();
    unmount();
    expect(objectRef.current).toBeNull();

    render(<Box ref={fnRef} />);
    expect(fnRef).toHaveBeenLastCalledWith(screen.getByTestId('root'));
  });

  it('keeps guarding after recovering: the recovered target can go away too', () => {
    const { rerender } = render(
      <Box>
        <button type="button">One</button>
        <button type="button">Two</button>
      </Box>,
    );
    focus(screen.getByRole('button', { name: 'Two' }));
    rerender(
      <Box>
        <button type="button">One</button>
      </Box>,
    );
    expect(screen.getByRole('button', { name: 'One' })).toHaveFocus();
    rerender(<Box>nothing</Box>);
    expect(screen.getByTestId('root')).toHaveFocus();
  });

  it('stops observing on unmount', () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const { unmount } = render(<Box />);
    unmount();
    expect(disconnect).toHaveBeenCalled();
    disconnect.mockRestore();
  });
});
