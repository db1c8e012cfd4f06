'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { formatList } from '@/lib/format';
import type { LiveState } from '@/lib/issue/live';

/** How often an open page asks whether anything changed: a stamp of a few bytes. */
const POLL_MS = 3_000;

type Props = {
  /** On the issue page: the poll is also the heartbeat, and who else has it open is shown. */
  issueId?: number;
  /** The state the page was rendered with. */
  initial: LiveState;
  /**
   * The builder is open for editing. It keeps its own document (autosave, conflict choices), so
   * the page is rendered again only when the status changed, not for every save elsewhere.
   */
  editing?: boolean;
};

/**
 * Keeps an open page in step with what other editors, the scheduler and the sender change: it
 * polls a stamp (app/(redactie)/redactie/live/route.ts) while the tab is visible and renders the
 * page again only when the stamp changed. router.refresh() keeps client state, focus and what
 * is being typed. A status change is announced once, politely.
 */
export function LiveUpdates({ issueId, initial, editing = false }: Props) {
  const router = useRouter();
  const [others, setOthers] = useState(initial.others);
  const [notice, setNotice] = useState('');
  const seen = useRef(initial);
  const editingNow = useRef(editing);
  useEffect(() => {
    editingNow.current = editing;
  }, [editing]);

  useEffect(() => {
    const url = issueId ? `/redactie/live?nummer=${issueId}` : '/redactie/live';
    let timer: ReturnType<typeof setTimeout> | undefined;
    let busy = false;
    let stopped = false;

    const take = (next: LiveState) => {
      const last = seen.current;
      seen.current = next;
      setOthers((shown) => (shown.join('\n') === next.others.join('\n') ? shown : next.others));
      if (next.notice.key !== last.notice.key && next.notice.text) setNotice(next.notice.text);
      const statusChanged = next.status !== last.status;
      if (next.stamp !== last.stamp && (statusChanged || !editingNow.current)) router.refresh();
    };
    const poll = async () => {
      clearTimeout(timer);
      // A hidden tab asks nothing; it asks at once when it is shown again.
      if (stopped || busy || document.visibilityState === 'hidden') return;
      busy = true;
      try {
        const response = await fetch(url, { cache: 'no-store', redirect: 'manual' });
        // An ended session answers with a redirect to sign in: stop until the editor is back.
        // Any other failure is tried again at the next poll.
        if (response.type === 'opaqueredirect' || response.status === 403) stopped = true;
        else if (response.ok && !stopped) take((await response.json()) as LiveState);
      } catch {
        // Offline for a moment: the next poll tries again.
      } finally {
        busy = false;
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    // Leaving the issue page ends the presence at once instead of after its window.
    const leave = () => {
      if (issueId) void fetch(`${url}&weg=1`, { keepalive: true }).catch(() => {});
    };

    document.addEventListener('visibilitychange', poll);
    window.addEventListener('pagehide', leave);
    // The issue page says at once that this editor has it open; a list only needs to follow.
    if (issueId) void poll();
    else timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', poll);
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [issueId, router]);

  return (
    <>
      <p role="status" className="sr-only" data-live-notice>
        {notice}
      </p>
      {others.length ? (
        <p className="mb-4 text-sm" data-presence>
          Ook open bij: {formatList(others)}
        </p>
      ) : null}
    </>
  );
}
