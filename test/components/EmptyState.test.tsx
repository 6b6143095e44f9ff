import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createRef } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { EmptyState } from '../../src/components/EmptyState.js';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('EmptyState', () => {
  it('says there is no data yet, politely, with an icon and the app\'s own action', () => {
    render(<EmptyState description="Start a migration to see it here." action={<button type="button">Start migration</button>} />);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('No items yet');
    expect(screen.getByRole('heading', { level: 3, name: 'No items yet' })).toBeInTheDocument();
    expect(status).toHaveTextContent('Start a migration to see it here.');
    expect(screen.getByRole('button', { name: 'Start migration' })).toBeInTheDocument();
    const root = document.querySelector('[data-slot="empty-state"]');
    expect(root).toHaveAttribute('data-kind', 'empty');
    expect(root?.querySelector('[data-slot="empty-state-icon"] svg')).toHaveAttribute('aria-hidden', 'true');
  });

  it('says nothing matches the filters, with Clear filters', async () => {
    const user = userEvent.setup();
    const onClearFilters = vi.fn();
    render(<EmptyState kind="filtered" onClearFilters={onClearFilters} />);
    expect(screen.getByRole('status')).toHaveTextContent('Nothing matches your filters');
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(onClearFilters).toHaveBeenCalledOnce();
  });

  it('announces a failed load as an alert, with Try again, and renders server text as text', async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    render(<EmptyState kind="error" description={HOSTILE} onRetry={onRetry} headingLevel={2} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The list could not be loaded');
    expect(alert).toHaveTextContent(HOSTILE);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('heading', { level: 2 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });

  it('takes a title, labels, no icon, class names and a ref; renders on the server', () => {
    const ref = createRef<HTMLDivElement>();
    render(
      <EmptyState
        ref={ref}
        kind="filtered"
        onClearFilters={() => {}}
        labels={{ filtered: 'Keine Treffer', clearFilters: 'Filter zurücksetzen' }}
        icon={null}
        className="mine"
        classNames={{ title: 'title-class' }}
      />,
    );
    expect(ref.current).toHaveClass('mine');
    expect(screen.getByRole('heading', { name: 'Keine Treffer' })).toHaveClass('title-class');
    expect(screen.getByRole('button', { name: 'Filter zurücksetzen' })).toBeInTheDocument();
    expect(document.querySelector('[data-slot="empty-state-icon"]')).toBeNull();
    expect(renderToString(<EmptyState title="Nothing here" />)).toContain('Nothing here');
  });
});
