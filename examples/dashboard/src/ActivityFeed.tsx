import { LoadMore, SenseiErrorPanel, useInfiniteList } from '../../../src/index.js';
import type { ActivityEvent } from '../../../src/testing/index.js';

const ACTIVITY_PATH = '/v1/activity';
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The activity feed: `useInfiniteList` with `<LoadMore auto>` inside the scrolling box, so the
 * next page loads as its end scrolls into view (the button stays for the keyboard). At most 10
 * pages stay in memory; scrolling back up loads the dropped ones again.
 */
export function ActivityFeed() {
  const feed = useInfiniteList<ActivityEvent>({ path: ACTIVITY_PATH, perPage: 20, maxPages: 10 });
  return (
    <section className="demo-card demo-activity" aria-labelledby="activity-title">
      <div className="demo-card-header">
        <h2 id="activity-title">Activity</h2>
        <button type="button" className="demo-button" onClick={() => void feed.refetch()}>
          Refresh activity
        </button>
      </div>
      {feed.error && (
        <SenseiErrorPanel
          error={feed.error}
          variant={feed.items.length > 0 ? 'compact' : 'full'}
          headingLevel={3}
          onRetry={() => (feed.isFetchNextPageError ? feed.fetchNextPage() : void feed.refetch())}
          className="demo-inline-error"
        />
      )}
      {/* A scrolling region must be reachable by keyboard: tabIndex 0 and a name. */}
      <div className="demo-activity-scroll" role="region" aria-label="Activity feed" tabIndex={0}>
        {feed.hasPreviousPage && <LoadMore list={feed} direction="backward" />}
        <ol className="demo-activity-list">
          {feed.items.map((event) => (
            <li key={event.id} data-id={event.id}>
              <span>{event.message}</span>
              <time dateTime={event.created_at}>{timeFormat.format(new Date(event.created_at))}</time>
            </li>
          ))}
        </ol>
        <LoadMore list={feed} auto />
      </div>
    </section>
  );
}
