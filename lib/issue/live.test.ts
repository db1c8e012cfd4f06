import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db';
import { deliveries, issues, users } from '@/db/schema';
import { controlSend } from '@/lib/send/control';
import { completeIfDone } from '@/lib/send/complete';
import { startDueIssues } from '@/lib/send/scheduler';
import { sendFixture } from '@/lib/test/send-fixture';
import { testDb } from '@/lib/test/db';
import { seed } from '@/scripts/seed';
import { issueStamp, listNotice, listStamp, liveState, statusNotice, viewerOf } from './live';
import { loadIssueDocument } from './load';
import { saveIssueDocument } from './save';
import { takeStep, type StepInput } from './transition';

let database: Db;
const editor = (email: string) => {
  const u = database.select().from(users).where(eq(users.email, email)).get()!;
  return { id: u.id, role: u.role, label: u.name!, name: u.name, email: u.email };
};
const author = () => editor('redacteur@kopij.test');
const chief = () => editor('hoofdredactie@kopij.test');
const draftId = () => database.select().from(issues).where(eq(issues.status, 'concept')).get()!.id;
const step = (issueId: number, input: Omit<StepInput, 'issueId'>) => {
  const result = database.transaction((tx) => takeStep(tx, { issueId, ...input }));
  expect(result.ok).toBe(true);
};

// Writes in one test can fall in one millisecond; the stamps read updated_at in milliseconds, as
// two writes a person or the sender makes do not. The clock moves on 5 ms before each write.
let clock = Date.now();
const later = () => vi.setSystemTime((clock += 5));
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  clock = Date.now();
  database = testDb();
});
afterEach(() => vi.useRealTimers());

describe('listStamp', () => {
  it('changes when an issue is created, takes a step, is saved or is deleted, and only then', () => {
    seed(database);
    const id = draftId();
    const stamps = [listStamp(database)];
    expect(listStamp(database)).toBe(stamps[0]);
    later();
    step(id, { step: 'requestReview', editor: author() });
    stamps.push(listStamp(database));
    later();
    const doc = loadIssueDocument(database, id)!;
    const saved = database.transaction((tx) =>
      saveIssueDocument(tx, {
        issueId: id,
        version: doc.issue.version,
        document: { ...doc.document, subject: 'Nieuw onderwerp' },
        editorId: chief().id,
      }),
    );
    expect(saved.status).toBe('ok');
    stamps.push(listStamp(database));
    later();
    database.delete(issues).where(eq(issues.id, id)).run();
    stamps.push(listStamp(database));
    expect(new Set(stamps).size).toBe(4);
  });
});

describe('issueStamp', () => {
  it('follows the scheduler, every copy the sender finishes, a pause and the completion', () => {
    const { issueId } = sendFixture(database, 3);
    const stamps = [issueStamp(database, issueId).stamp];
    later();
    step(issueId, {
      step: 'schedule',
      editor: chief(),
      scheduledAt: new Date(clock + 60_000),
    });
    stamps.push(issueStamp(database, issueId).stamp);
    vi.setSystemTime((clock += 61_000));
    expect(startDueIssues(database)).toHaveLength(1);
    expect(issueStamp(database, issueId).status).toBe('sending');
    stamps.push(issueStamp(database, issueId).stamp);

    // The sender's progress is in deliveries, not in the issue row.
    const copies = database.select().from(deliveries).where(eq(deliveries.issueId, issueId)).all();
    expect(copies).toHaveLength(3);
    const finish = (id: number) =>
      database.update(deliveries).set({ status: 'sent' }).where(eq(deliveries.id, id)).run();
    finish(copies[0]!.id);
    stamps.push(issueStamp(database, issueId).stamp);
    later();
    database.transaction((tx) =>
      controlSend(tx, issueId, 'pause', { id: chief().id, label: 'Pieter Jansen' }),
    );
    stamps.push(issueStamp(database, issueId).stamp);
    finish(copies[1]!.id);
    finish(copies[2]!.id);
    stamps.push(issueStamp(database, issueId).stamp);
    later();
    expect(completeIfDone(database, issueId)).toEqual({ status: 'sent' });
    const sent = issueStamp(database, issueId);
    expect(sent.status).toBe('sent');
    stamps.push(sent.stamp);
    expect(new Set(stamps).size).toBe(stamps.length);
    expect(issueStamp(database, issueId)).toEqual(sent);

    // Starting and finishing a send are the scheduler's and the sender's: told to everyone.
    expect(statusNotice(database, issueId, chief().id)).toEqual({
      key: 'sent',
      text: 'Status gewijzigd: Verzonden',
    });
    expect(issueStamp(database, 99_999)).toEqual({ stamp: 'weg', status: null });
  });
});

describe('statusNotice', () => {
  it('names who gave the issue its status, and tells nobody about their own step', () => {
    seed(database);
    const id = draftId();
    later();
    step(id, { step: 'requestReview', editor: author() });
    expect(statusNotice(database, id, chief().id)).toEqual({
      key: 'review',
      text: 'Status gewijzigd: Ter review door Fatima El Idrissi',
    });
    expect(statusNotice(database, id, author().id)).toEqual({ key: 'review', text: null });

    // Saving reviewed content returns it to concept: the saver did that, not the last step.
    later();
    const doc = loadIssueDocument(database, id)!;
    database.transaction((tx) =>
      saveIssueDocument(tx, {
        issueId: id,
        version: doc.issue.version,
        document: doc.document,
        editorId: chief().id,
      }),
    );
    expect(statusNotice(database, id, author().id)).toEqual({
      key: 'concept',
      text: 'Status gewijzigd: Concept door Pieter Jansen',
    });

    later();
    step(id, { step: 'requestReview', editor: author() });
    later();
    step(id, { step: 'sendBack', editor: chief(), note: 'Graag korter' });
    expect(statusNotice(database, id, author().id).text).toBe(
      'Status gewijzigd: Concept door Pieter Jansen',
    );
  });
});

describe('listNotice', () => {
  it('says the last status change of any issue once, keyed by its log line, for ten minutes', () => {
    seed(database);
    const id = draftId();
    expect(listNotice(database, author().id)).toEqual({ key: 'geen', text: null });
    later();
    step(id, { step: 'requestReview', editor: author() });
    const review = listNotice(database, chief().id);
    expect(review.text).toMatch(/^Raadsbericht \d+: Ter review door Fatima El Idrissi$/);
    later();
    step(id, { step: 'approve', editor: chief() });
    const approved = listNotice(database, author().id);
    expect(approved.key).not.toBe(review.key);
    expect(approved.text).toMatch(/^Raadsbericht \d+: Goedgekeurd door Pieter Jansen$/);
    expect(listNotice(database, chief().id)).toEqual({ key: approved.key, text: null });
    const after = new Date(Date.now() + 11 * 60_000);
    expect(listNotice(database, author().id, after)).toEqual({ key: 'geen', text: null });
  });
});

describe('liveState', () => {
  it('counts a poll as a heartbeat and a page render not, and never lists the viewer', () => {
    seed(database);
    const id = draftId();
    const [a, c] = [viewerOf(author()), viewerOf(chief())];
    const admin = viewerOf(editor('redactie@kopij.test'));
    liveState(database, a, id, { heartbeat: true });
    liveState(database, admin, id);
    const state = liveState(database, c, id, { heartbeat: true });
    expect(state).toMatchObject({ status: 'concept', others: ['Fatima El Idrissi'] });
    expect(liveState(database, a, id).others).toEqual(['Pieter Jansen']);
    expect(liveState(database, a, 99_999, { heartbeat: true })).toMatchObject({
      stamp: 'weg',
      others: [],
    });
    expect(liveState(database, a)).toMatchObject({ stamp: listStamp(database), others: [] });
  });
});
