import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Paginator, type PaginatorList, type PaginatorProps } from '../../src/components/Paginator.js';
import type { Pagination } from '../../src/core/paginationSchema.js';
import { usePaginatedList } from '../../src/react/usePaginatedList.js';
import { createHarness } from '../react/senseiTestHarness.js';
import { fakeTimersUser } from '../fakeTimersUser.js';

const lists = { method: 'GET', path: '/v1/migrations' } as const;


function pagination(page: number, totalPages: number, perPage = 50, total = totalPages * perPage): Pagination {
  return { total, page, per_page: perPage, total_pages: totalPages, has_next: page < totalPages, has_prev: page > 1 };
}

/** What the page window shows, as a sighted user reads it: `1 … 49 50 51 … 100`. */
function windowText(nav: HTMLElement) {
  return Array.from(nav.querySelectorAll('[data-kind="page"], [data-kind="ellipsis"]'))
    .map((item) => item.textContent)
    .join(' ');
}

function nav() {
  return screen.getByRole('navigation', { name: 'Pagination' });
}

/** A parent that owns the page, as an app with its own state would. */
function Controlled(props: { totalPages: number; initialPage?: number } & Partial<PaginatorProps>) {
  const { totalPages, initialPage = 1, ...rest } = props;
  const [page, setPage] = useState(initialPage);
  return (
    <Paginator
      {...(rest as object)}
      pagination={pagination(page, totalPages)}
      onPageChange={(next) => setPage(next)}
    />
  );
}

afterEach(() => {
  window.location.hash = '';
});

describe('Paginator: what it shows', () => {
  it.each([
    [1, '1 2 3 4 5 … 100'],
    [2, '1 2 3 4 5 … 100'],
    [50, '1 … 49 50 51 … 100'],
    [99, '1 … 96 97 98 99 100'],
    [100, '1 … 96 97 98 99 100'],
  ])('page %i of 100 shows the window %s, current page marked', (page, expected) => {
    render(<Paginator pagination={pagination(page, 100)} onPageChange={() => {}} />);
    expect(windowText(nav())).toBe(expected);
    const current = within(nav()).getByRole('button', { current: 'page' });
    expect(current).toHaveAccessibleName(`Page ${page}`);
    expect(within(nav()).getAllByRole('button', { current: 'page' })).toHaveLength(1);
    for (const ellipsis of nav().querySelectorAll('[data-kind="ellipsis"]')) {
      expect(ellipsis).toHaveAttribute('aria-hidden', 'true');
    }
  });

  it('shows as many items for 10⁶ pages as for 10, with grouped numbers', () => {
    const { rerender } = render(<Paginator pagination={pagination(5, 10)} onPageChange={() => {}} locale="en-US" />);
    const itemsAt10 = nav().querySelectorAll('li').length;
    expect(windowText(nav())).toBe('1 … 4 5 6 … 10');

    rerender(<Paginator pagination={pagination(500_000, 1_000_000)} onPageChange={() => {}} locale="en-US" />);
    expect(nav().querySelectorAll('li')).toHaveLength(itemsAt10);
    expect(itemsAt10).toBe(11); // first, previous, 7 window items, next, last
    expect(windowText(nav())).toBe('1 … 499,999 500,000 500,001 … 1,000,000');
    expect(within(nav()).getByRole('button', { name: 'Page 1,000,000' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Showing 24,999,951–25,000,000 of 50,000,000');

    rerender(<Paginator pagination={pagination(4000, 10_000)} onPageChange={() => {}} locale="de-DE" />);
    expect(windowText(nav())).toBe('1 … 3.999 4.000 4.001 … 10.000');
  });

  it('says "Showing 51–100 of 150"', () => {
    render(<Paginator pagination={pagination(2, 3, 50, 150)} onPageChange={() => {}} />);
    expect(screen.getByRole('status')).toHaveTextContent('Showing 51–100 of 150');
    expect(nav()).toHaveAttribute('data-state', 'ready');
  });

  it('renders an empty list as "No items" alone: no arrows, the same for 0 and 1 total pages', () => {
    // The API answers an empty list with page 1 of 1; some servers say 0 pages: same rendering.
    const { rerender } = render(<Paginator pagination={pagination(1, 1, 50, 0)} onPageChange={() => {}} perPageOptions={[25, 50]} onPerPageChange={() => {}} />);
    expect(screen.getByRole('status')).toHaveTextContent('No items');
    expect(nav()).toHaveAttribute('data-state', 'empty');
    expect(within(nav()).queryAllByRole('button')).toHaveLength(0);
    expect(within(nav()).queryByRole('list')).toBeNull();
    const onePage = nav().outerHTML;
    rerender(<Paginator pagination={{ ...pagination(1, 0, 50, 0), has_next: false }} onPageChange={() => {}} perPageOptions={[25, 50]} onPerPageChange={() => {}} />);
    expect(nav().outerHTML).toBe(onePage);
  });

  it('renders a single page as page 1, current, with every arrow disabled', () => {
    render(<Paginator pagination={pagination(1, 1, 50, 12)} onPageChange={() => {}} />);
    expect(windowText(nav())).toBe('1');
    expect(screen.getByRole('button', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('status')).toHaveTextContent('Showing 1–12 of 12');
    for (const name of ['First page', 'Previous page', 'Next page', 'Last page']) {
      expect(screen.getByRole('button', { name })).toBeDisabled();
    }
  });

  it('disables first/previous on the first page and next/last on the last', () => {
    const { rerender } = render(<Paginator pagination={pagination(1, 5)} onPageChange={() => {}} />);
    expect(screen.getByRole('button', { name: 'First page' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Last page' })).toBeEnabled();
    rerender(<Paginator pagination={pagination(5, 5)} onPageChange={() => {}} />);
    expect(screen.getByRole('button', { name: 'First page' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Last page' })).toBeDisabled();
  });

  it('is busy while loading, and takes a label, labels, a className and a ref', () => {
    const ref = createRef<HTMLElement>();
    render(
      <Paginator
        ref={ref}
        pagination={pagination(2, 3)}
        onPageChange={() => {}}
        loading
        className="mine"
        aria-label="Migrations pages"
        labels={{ next: 'Weiter', range: ({ first, last, total }) => `${first} bis ${last} von ${total}` }}
        classNames={{ page: 'page-class' }}
      />,
    );
    const root = screen.getByRole('navigation', { name: 'Migrations pages' });
    expect(ref.current).toBe(root);
    expect(root).toHaveClass('mine');
    expect(root).toHaveAttribute('aria-busy', 'true');
    expect(root).toHaveAttribute('data-state', 'loading');
    expect(root).toHaveAttribute('data-slot', 'paginator');
    expect(screen.getByRole('button', { name: 'Weiter' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('51 bis 100 von 150');
    expect(screen.getByRole('button', { name: 'Page 2' })).toHaveClass('page-class');
    for (const part of root.querySelectorAll('*:not(span[aria-hidden])')) {
      expect(part.getAttribute('data-slot') ?? '').toMatch(/^paginator-/);
    }
  });
});

describe('Paginator: paging', () => {
  it('calls onPageChange with the page and what asked for it', async () => {
    const user = userEvent.setup();
    const onPageChange = vi.fn();
    render(<Paginator pagination={pagination(50, 100)} onPageChange={onPageChange} />);
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await user.click(screen.getByRole('button', { name: 'First page' }));
    await user.click(screen.getByRole('button', { name: 'Last page' }));
    await user.click(screen.getByRole('button', { name: 'Page 51' }));
    await user.click(screen.getByRole('button', { name: 'Page 50' })); // the current page: nothing
    expect(onPageChange.mock.calls.map(([page, details]) => [page, details.reason])).toEqual([
      [51, 'next'],
      [49, 'previous'],
      [1, 'first'],
      [100, 'last'],
      [51, 'page'],
    ]);
  });

  it('calls onPerPageChange from the per-page select', async () => {
    const user = userEvent.setup();
    const onPerPageChange = vi.fn();
    render(
      <Paginator
        pagination={pagination(1, 3, 50, 150)}
        onPageChange={() => {}}
        perPageOptions={[10, 25, 100]}
        onPerPageChange={onPerPageChange}
      />,
    );
    const select = screen.getByRole('combobox', { name: 'Per page' });
    // The current value is offered even when it is not among the options.
    expect(select).toHaveValue('50');
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual(['10', '25', '50', '100']);
    await user.selectOptions(select, '100');
    expect(onPerPageChange).toHaveBeenCalledExactlyOnceWith(100);
  });

  it('renders links with getHref; a click calls onPageChange and the browser follows the link', async () => {
    const user = userEvent.setup();
    const onPageChange = vi.fn();
    render(<Paginator pagination={pagination(1, 3)} getHref={(page) => `#page=${page}`} onPageChange={onPageChange} />);
    const next = screen.getByRole('link', { name: 'Next page' });
    expect(next).toHaveAttribute('href', '#page=2');
    expect(screen.getByRole('link', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
    // A link cannot be disabled: at the ends it loses its href and says it is disabled.
    const previous = screen.getByRole('link', { name: 'Previous page' });
    expect(previous).not.toHaveAttribute('href');
    expect(previous).toHaveAttribute('aria-disabled', 'true');
    await user.click(next);
    expect(onPageChange).toHaveBeenCalledExactlyOnceWith(2, expect.objectContaining({ reason: 'next' }));
    expect(window.location.hash).toBe('#page=2');
  });

  it('lets onPageChange take over navigation with preventDefault (client-side routing)', async () => {
    const user = userEvent.setup();
    const onPageChange = vi.fn((_page: number, details: { event: { preventDefault(): void } }) => details.event.preventDefault());
    render(<Paginator pagination={pagination(1, 3)} getHref={(page) => `#page=${page}`} onPageChange={onPageChange} />);
    await user.click(screen.getByRole('link', { name: 'Page 3' }));
    expect(onPageChange).toHaveBeenCalledWith(3, expect.objectContaining({ reason: 'page' }));
    expect(window.location.hash).toBe('');
  });

  it('leaves a modified click (new tab) to the browser', () => {
    const onPageChange = vi.fn();
    render(<Paginator pagination={pagination(1, 3)} getHref={(page) => `#page=${page}`} onPageChange={onPageChange} />);
    fireEvent.click(screen.getByRole('link', { name: 'Page 2' }), { ctrlKey: true });
    expect(onPageChange).not.toHaveBeenCalled();
  });
});

describe('Paginator: keyboard', () => {
  it('Tab reaches the controls; arrows move focus, Home/End jump, Enter and Space activate', async () => {
    const user = userEvent.setup();
    render(<Controlled totalPages={100} initialPage={50} />);
    await user.tab();
    expect(screen.getByRole('button', { name: 'First page' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('button', { name: 'Previous page' })).toHaveFocus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(screen.getByRole('button', { name: 'Page 49' })).toHaveFocus(); // the ellipsis is skipped
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('button', { name: 'Page 1' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('button', { name: 'Last page' })).toHaveFocus();
    await user.keyboard('{ArrowRight}'); // stays at the end
    expect(screen.getByRole('button', { name: 'Last page' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(screen.getByRole('button', { name: 'First page' })).toHaveFocus();
    // Moving focus did not page.
    expect(screen.getByRole('button', { current: 'page' })).toHaveAccessibleName('Page 50');

    await user.keyboard('{End}{ArrowLeft}'); // Next page
    expect(screen.getByRole('button', { name: 'Next page' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { current: 'page' })).toHaveAccessibleName('Page 51');
    await user.keyboard(' ');
    expect(screen.getByRole('button', { current: 'page' })).toHaveAccessibleName('Page 52');
    expect(screen.getByRole('status')).toHaveTextContent('Showing 2,551–2,600 of 5,000');
  });

  it('skips disabled controls and keeps focus in the nav when the focused one becomes disabled', async () => {
    const user = userEvent.setup();
    render(<Controlled totalPages={3} initialPage={2} />);
    await user.tab();
    expect(screen.getByRole('button', { name: 'First page' })).toHaveFocus();
    await user.keyboard('{End}{ArrowLeft}{Enter}'); // Next page, to the last
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Page 3' })).toHaveFocus();
    await user.keyboard('{End}'); // Last and Next are disabled: Page 3 is the last control
    expect(screen.getByRole('button', { name: 'Page 3' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(screen.getByRole('button', { name: 'First page' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Page 1' })).toHaveFocus();
  });
});

describe('Paginator with usePaginatedList', () => {
  function MigrationsPage() {
    const list = usePaginatedList<{ id: string }>({ path: '/v1/migrations' });
    return (
      <>
        <ul aria-label="Migrations">
          {list.items.map((item) => (
            <li key={item.id}>{item.id}</li>
          ))}
        </ul>
        <Paginator list={list} perPageOptions={[25, 50]} locale="en-US" />
      </>
    );
  }

  it('shows page 2 on Next from the prefetched page, without a request of its own', async () => {
    const user = fakeTimersUser();
    const h = createHarness();
    render(<MigrationsPage />, { wrapper: h.wrapper });
    await act(() => vi.advanceTimersByTimeAsync(0));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByRole('status')).toHaveTextContent('Showing 1–50 of 150');
    expect(nav()).toHaveAttribute('data-state', 'ready');
    expect(h.api.requests.map((r) => r.searchParams.get('page'))).toEqual(['1', '2']); // page 2 prefetched
    const firstOfPage1 = within(screen.getByRole('list', { name: 'Migrations' })).getAllByRole('listitem')[0]?.textContent;

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(screen.getByRole('button', { current: 'page' })).toHaveAccessibleName('Page 2');
    expect(screen.getByRole('status')).toHaveTextContent('Showing 51–100 of 150');
    expect(nav()).not.toHaveAttribute('aria-busy');
    const rows = within(screen.getByRole('list', { name: 'Migrations' })).getAllByRole('listitem');
    expect(rows).toHaveLength(50);
    expect(rows[0]?.textContent).not.toBe(firstOfPage1);
    await act(() => vi.advanceTimersByTimeAsync(0));
    // Page 2 cost nothing; page 3 is prefetched in turn.
    expect(h.api.requests.map((r) => r.searchParams.get('page'))).toEqual(['1', '2', '3']);
    expect(h.api.countRequests(lists)).toBe(3);
  });

  it('is busy while the requested page loads behind the previous one', async () => {
    const user = fakeTimersUser();
    const h = createHarness({ api: { scenario: { slow: { latencyMs: 200 } } } });
    render(<MigrationsPage />, { wrapper: h.wrapper });
    expect(nav()).toHaveAttribute('data-state', 'loading');
    await act(() => vi.advanceTimersByTimeAsync(250));
    expect(nav()).toHaveAttribute('data-state', 'ready');
    const firstRow = within(screen.getByRole('list', { name: 'Migrations' })).getAllByRole('listitem')[0]?.textContent;
    await user.click(screen.getByRole('button', { name: 'Last page' }));
    expect(nav()).toHaveAttribute('aria-busy', 'true');
    expect(nav()).toHaveAttribute('data-state', 'loading');
    expect(screen.getByRole('button', { current: 'page' })).toHaveAccessibleName('Page 3');
    // Page 1's rows are still on screen (placeholder): the range names them, not page 3's.
    expect(within(screen.getByRole('list', { name: 'Migrations' })).getAllByRole('listitem')[0]?.textContent).toBe(firstRow);
    expect(screen.getByRole('status')).toHaveTextContent('Showing 1–50 of 150');
    await act(() => vi.advanceTimersByTimeAsync(250));
    expect(nav()).not.toHaveAttribute('aria-busy');
    expect(nav()).toHaveAttribute('data-state', 'ready');
    // The new range arrives with its rows: the live region's text changes (and is announced) now.
    expect(screen.getByRole('status')).toHaveTextContent('Showing 101–150 of 150');
    expect(within(screen.getByRole('list', { name: 'Migrations' })).getAllByRole('listitem')[0]?.textContent).not.toBe(firstRow);
  });

  it('changes per-page through setPerPage, keeping the first item in view', async () => {
    const user = fakeTimersUser();
    const h = createHarness();
    render(<MigrationsPage />, { wrapper: h.wrapper });
    await act(() => vi.advanceTimersByTimeAsync(0));
    await user.click(screen.getByRole('button', { name: 'Page 3' }));
    await act(() => vi.advanceTimersByTimeAsync(0));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Per page' }), '25');
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByRole('combobox', { name: 'Per page' })).toHaveValue('25');
    expect(screen.getByRole('status')).toHaveTextContent('Showing 101–125 of 150');
    expect(h.api.requests.at(-1)?.searchParams.get('per_page')).toBe('25');
  });
});

describe('Paginator: issue 18', () => {
  it('clamps a controlled page past total_pages for display and targets', async () => {
    const user = userEvent.setup();
    const onPageChange = vi.fn();
    // After deletions the app still holds page 5 of a list that now has 3 pages (150 items).
    render(<Paginator pagination={{ ...pagination(5, 3, 50, 150), has_prev: true, has_next: false }} onPageChange={onPageChange} />);
    expect(screen.getByRole('button', { current: 'page' })).toHaveAccessibleName('Page 3');
    expect(screen.getByRole('status')).toHaveTextContent('Showing 101–150 of 150');
    expect(nav()).toHaveAttribute('data-state', 'ready');
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await user.click(screen.getByRole('button', { name: 'First page' }));
    expect(onPageChange.mock.calls.map(([page]) => page)).toEqual([2, 1]);
  });

  it('gives the range label the total as a number for plurals, and groups it by locale', () => {
    const range = ({ first, last, total, count }: { first: string; last: string; total: string; count: number }) =>
      `${first}–${last} von ${total} ${new Intl.PluralRules('de-DE').select(count) === 'one' ? 'Eintrag' : 'Einträgen'}`;
    const { rerender } = render(<Paginator pagination={pagination(1, 1, 50, 1)} onPageChange={() => {}} locale="de-DE" labels={{ range }} />);
    expect(screen.getByRole('status')).toHaveTextContent('1–1 von 1 Eintrag');
    rerender(<Paginator pagination={pagination(2, 20_000, 50, 999_999)} onPageChange={() => {}} locale="de-DE" labels={{ range }} />);
    expect(screen.getByRole('status')).toHaveTextContent('51–100 von 999.999 Einträgen');
  });

  it('variant="compact" shows "3 / 10" with previous and next', async () => {
    const user = userEvent.setup();
    render(<Controlled totalPages={10} initialPage={3} variant="compact" showFirstLast={false} />);
    expect(nav()).toHaveAttribute('data-variant', 'compact');
    const compact = nav().querySelector('[data-slot="paginator-compact"]');
    expect(compact?.querySelector('[aria-hidden="true"]')).toHaveTextContent('3 / 10');
    expect(compact).toHaveTextContent('Page 3 of 10');
    expect(within(nav()).queryAllByRole('button', { name: /^Page/ })).toHaveLength(0);
    expect(within(nav()).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['Previous page', 'Next page']);
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(compact?.querySelector('[aria-hidden="true"]')).toHaveTextContent('4 / 10');
  });

  it('hideOnSinglePage renders nothing for one page or none, and the paginator for two', () => {
    const { container, rerender } = render(<Paginator pagination={pagination(1, 1, 50, 12)} onPageChange={() => {}} hideOnSinglePage />);
    expect(container).toBeEmptyDOMElement();
    rerender(<Paginator pagination={pagination(1, 0, 50, 0)} onPageChange={() => {}} hideOnSinglePage />);
    expect(container).toBeEmptyDOMElement();
    rerender(<Paginator pagination={pagination(1, 2, 50, 60)} onPageChange={() => {}} hideOnSinglePage />);
    expect(nav()).toHaveTextContent('Showing 1–50 of 60');
  });

  it('the quick jumper goes to a typed page, clamps past either end and ignores what is not a number', async () => {
    const user = userEvent.setup();
    const onPageChange = vi.fn();
    render(<Paginator pagination={pagination(2, 100)} onPageChange={onPageChange} showJumper />);
    const field = screen.getByRole('spinbutton', { name: 'Go to page' });
    await user.type(field, '42{Enter}');
    await user.type(field, '100000');
    await user.click(screen.getByRole('button', { name: 'Go' }));
    await user.type(field, '-3{Enter}');
    await user.type(field, 'e{Enter}');
    expect(onPageChange.mock.calls.map(([page, details]) => [page, details.reason])).toEqual([
      [42, 'jump'],
      [100, 'jump'],
      [1, 'jump'],
    ]);
    expect(field).toHaveValue(null);
  });

  it('renderItem renders router links: the given props, the href, and a click that pages in place', async () => {
    const user = userEvent.setup();
    const onPageChange = vi.fn();
    render(
      <Paginator
        pagination={pagination(2, 5)}
        onPageChange={onPageChange}
        getHref={(page) => `#page=${page}`}
        renderItem={(item) =>
          item.disabled ? <span {...item.props} aria-disabled="true" /> : <a href={item.href} data-router-link="" {...item.props} />
        }
      />,
    );
    const links = within(nav()).getAllByRole('link');
    expect(links.every((link) => link.hasAttribute('data-router-link'))).toBe(true);
    expect(screen.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Next page' })).toHaveAttribute('href', '#page=3');
    await user.click(screen.getByRole('link', { name: 'Page 4' }));
    expect(onPageChange).toHaveBeenCalledExactlyOnceWith(4, expect.objectContaining({ reason: 'page' }));
    // The router (here the browser) still navigates: the paginator prevents nothing.
    expect(window.location.hash).toBe('#page=4');
  });
});

describe('Paginator: props types', () => {
  it('rejects wrong combinations at compile time', () => {
    const list = {} as PaginatorList;
    const cases = [
      // @ts-expect-error -- a list and a pagination object: pick one source
      <Paginator key="1" list={list} pagination={pagination(1, 1)} />,
      // @ts-expect-error -- the list pages itself: no onPageChange
      <Paginator key="2" list={list} onPageChange={() => {}} />,
      // @ts-expect-error -- a pagination object needs onPageChange or getHref
      <Paginator key="3" pagination={pagination(1, 1)} />,
      // @ts-expect-error -- per-page options need onPerPageChange
      <Paginator key="4" pagination={pagination(1, 1)} onPageChange={() => {}} perPageOptions={[10]} />,
      <Paginator key="5" pagination={pagination(1, 1)} getHref={(page) => `?page=${page}`} />,
      <Paginator key="6" list={list} getHref={(page) => `?page=${page}`} perPageOptions={[10]} />,
    ];
    expect(cases).toHaveLength(6);
  });
});
