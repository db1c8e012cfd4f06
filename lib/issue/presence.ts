// Who has an issue open, for "Ook open bij: ..." on the issue page. Each open issue page sends a
// heartbeat with its poll (app/(redactie)/redactie/live/route.ts); an editor counts as present
// for PRESENCE_WINDOW_MS after their last one, and is dropped at once when they leave the page.
//
// Kept in memory, not in the database: presence is a few seconds' worth of "who is looking", worth
// nothing after a restart, and the schema is not ours to change for it. That is sound because the
// app is one Node process (scripts/serve.ts runs Next inside it): every page and route handler
// that reads or writes presence runs in it; a separate send worker (SEND_WORKER=apart) never
// touches it. Were the app ever run as several processes behind a balancer, this would have to
// move to a table.
// Route handlers and pages may be bundled as separate copies of this module, so the map lives on
// globalThis (as lib/subscribers/import-store.ts does).

/** Seen within this long counts as "has it open": three missed heartbeats of 15 s. */
export const PRESENCE_WINDOW_MS = 45_000;

export type PresentEditor = { id: string; name: string };
type Seen = PresentEditor & { at: number };

/** issue id → editor id → when last seen, pruned whenever it is read or written. */
export function createPresence(clock: () => number = Date.now) {
  const issues = new Map<number, Map<string, Seen>>();

  const prune = (now: number) => {
    for (const [issueId, editors] of issues) {
      for (const [editorId, seen] of editors)
        if (now - seen.at > PRESENCE_WINDOW_MS) editors.delete(editorId);
      if (editors.size === 0) issues.delete(issueId);
    }
  };

  return {
    /** A heartbeat: `editor` has `issueId` open now. */
    see(issueId: number, editor: PresentEditor) {
      const now = clock();
      prune(now);
      const editors = issues.get(issueId) ?? new Map<string, Seen>();
      editors.set(editor.id, { ...editor, at: now });
      issues.set(issueId, editors);
    },
    /** The editor left the page: gone at once rather than after the window. */
    leave(issueId: number, editorId: string) {
      issues.get(issueId)?.delete(editorId);
      prune(clock());
    },
    /** The names of the others who have the issue open, never `viewerId` themself, sorted. */
    others(issueId: number, viewerId: string): string[] {
      prune(clock());
      return [...(issues.get(issueId)?.values() ?? [])]
        .filter((seen) => seen.id !== viewerId)
        .map((seen) => seen.name)
        .sort((a, b) => a.localeCompare(b, 'nl'));
    },
  };
}

export type Presence = ReturnType<typeof createPresence>;

const globalPresence = globalThis as unknown as { kopijPresence?: Presence };

/** The one store of this process. */
export const presence = (): Presence => (globalPresence.kopijPresence ??= createPresence());
