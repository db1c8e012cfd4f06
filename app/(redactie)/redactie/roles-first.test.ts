import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, users } from '@/db/schema';
import type { EditorRole } from '@/lib/enums';
import { fromImage, imageOf, testDb } from '@/lib/test/db';
import { seed } from '@/scripts/seed';

// Every server action and route handler under /redactie, found on disk, called as a forged
// request would: without a session, and with a role one step too low, each with input that is
// invalid. The answer must be the refusal (logged), never what the validation would have said.
// A new action or route fails this test until it is in the tables below with its role.

const session = await vi.hoisted(() => import('@/lib/test/action-session'));
const { state } = session;
vi.mock('@/lib/auth/guard', () => session.guardModule());
vi.mock('@/db', (original) => session.dbModule(original));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const root = import.meta.dirname;

const actions: Record<string, Record<string, EditorRole>> = {
  'nummers/actions.ts': { createIssueAction: 'redacteur', deleteIssue: 'redacteur' },
  'nummers/[id]/actions.ts': {
    saveIssue: 'redacteur',
    changeItemTheme: 'redacteur',
    previewIssue: 'redacteur',
    saveTestAddresses: 'redacteur',
    sendTest: 'redacteur',
  },
  'nummers/template-actions.ts': {
    saveTemplateAction: 'redacteur',
    renameTemplateAction: 'redacteur',
    deleteTemplateAction: 'redacteur',
  },
  'nummers/[id]/audience-actions.ts': { saveAudience: 'redacteur' },
  'nummers/[id]/library-actions.ts': {
    loadLibraryPage: 'redacteur',
    loadHeldItems: 'redacteur',
    openLibraryItem: 'redacteur',
    createLibraryItem: 'redacteur',
    updateLibraryItem: 'redacteur',
  },
  'nummers/[id]/correctie/actions.ts': { correctIssue: 'redacteur' },
  'nummers/[id]/workflow-actions.ts': {
    requestReview: 'redacteur',
    comment: 'redacteur',
    sendBack: 'hoofdredacteur',
    unschedule: 'hoofdredacteur',
    approve: 'hoofdredacteur',
    schedule: 'hoofdredacteur',
  },
  'nummers/[id]/send-actions.ts': {
    sendNow: 'hoofdredacteur',
    pauseSend: 'hoofdredacteur',
    resumeSend: 'hoofdredacteur',
    cancelSend: 'hoofdredacteur',
  },
  'items/actions.ts': {
    createItem: 'redacteur',
    updateItem: 'redacteur',
    removeItemAction: 'redacteur',
    restoreItemAction: 'redacteur',
  },
  'abonnees/actions.ts': {
    commitSubscriberImport: 'hoofdredacteur',
    eraseSubscriberAction: 'hoofdredacteur',
  },
  'abonnees/onderdrukt/actions.ts': { addSuppression: 'admin', liftSuppressionAction: 'admin' },
  'instellingen/actions.ts': { addEditor: 'admin', updateEditor: 'admin' },
  'nieuwsbrieven/[id]/mails/actions.ts': {
    saveMailTextAction: 'admin',
    resetMailTextAction: 'admin',
    saveWelcomeMailAction: 'admin',
    previewMailTextAction: 'admin',
  },
  'nieuwsbrieven/actions.ts': {
    createNewsletterAction: 'admin',
    updateNewsletterAction: 'admin',
    archiveNewsletterAction: 'admin',
    restoreNewsletterAction: 'admin',
  },
  'nieuwsbrieven/[id]/themas/actions.ts': {
    addThemeAction: 'admin',
    renameThemeAction: 'admin',
    archiveThemeAction: 'admin',
    restoreThemeAction: 'admin',
    deleteThemeAction: 'admin',
    moveThemeAction: 'admin',
    reorderThemesAction: 'admin',
  },
  'media/actions.ts': { describeImageAction: 'redacteur', deleteImageAction: 'redacteur' },
  'blokken/actions.ts': {
    createBlock: 'admin',
    updateBlock: 'admin',
    archiveBlock: 'admin',
    restoreBlock: 'admin',
    moveBlock: 'admin',
  },
};

type Handler = (request: Request, context: { params: Promise<object> }) => Promise<Response>;
const routes: Record<
  string,
  { method: 'GET' | 'POST'; role: EditorRole; request: () => Request; params?: object }
> = {
  'abonnees/[id]/gegevens/route.ts': {
    method: 'GET',
    role: 'hoofdredacteur',
    request: () => new Request('http://localhost/redactie/abonnees/abc/gegevens'),
    params: { id: 'abc' },
  },
  'abonnees/exporteren/route.ts': {
    method: 'GET',
    role: 'hoofdredacteur',
    request: () => new Request('http://localhost/redactie/abonnees/exporteren?status=%ZZ&x=1'),
  },
  'abonnees/importeren/uploaden/route.ts': {
    method: 'POST',
    role: 'hoofdredacteur',
    request: () =>
      new Request('http://localhost/redactie/abonnees/importeren/uploaden', {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
        body: 'geen formulier',
      }),
  },
  'live/route.ts': {
    method: 'GET',
    role: 'redacteur',
    request: () => new Request('http://localhost/redactie/live?nummer=abc&weg=2'),
  },
  'nummers/[id]/webversie/[[...artikel]]/route.ts': {
    method: 'GET',
    role: 'redacteur',
    request: () => new Request('http://localhost/redactie/nummers/abc/webversie'),
    params: { id: 'abc' },
  },
  'nummers/[id]/resultaten/csv/route.ts': {
    method: 'GET',
    role: 'redacteur',
    request: () => new Request('http://localhost/redactie/nummers/abc/resultaten/csv?figuur=%ZZ'),
    params: { id: 'abc' },
  },
  'media/uploaden/route.ts': {
    method: 'POST',
    role: 'redacteur',
    request: () =>
      new Request('http://localhost/redactie/media/uploaden', {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
        body: 'geen formulier',
      }),
  },
  'statistieken/csv/route.ts': {
    method: 'GET',
    role: 'redacteur',
    request: () =>
      new Request('http://localhost/redactie/statistieken/csv?nieuwsbrief=%ZZ&figuur=x&weken=1'),
  },
};

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.') ? [full] : [];
  });
}
const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
const files = filesUnder(root);

/** Invalid for every schema: numbers that are words, addresses without @, unknown tokens. */
function garbage(): FormData {
  const form = new FormData();
  for (const key of ['id', 'issueId', 'newsletterId', 'version', 'itemId', 'upload', 'themeId'])
    form.set(key, 'geen-getal');
  for (const key of ['email', 'addresses', 'role', 'moment', 'blockId', 'body'])
    form.set(key, '\u0000');
  return form;
}

const lower: Record<EditorRole, EditorRole[]> = {
  redacteur: [],
  hoofdredacteur: ['redacteur'],
  admin: ['redacteur', 'hoofdredacteur'],
};

const database = () => state.database as ReturnType<typeof testDb>;
function signInAs(role: EditorRole | null) {
  if (!role) return void (state.editor = null);
  const u = database().select().from(users).where(eq(users.role, role)).get()!;
  state.editor = { id: u.id, email: u.email, name: u.name, role: u.role };
}
const denials = () =>
  database().select().from(auditLog).where(eq(auditLog.action, 'access.denied')).all();

// Over a hundred cases, each on its own copy of one seeded database (seeding is ~170 ms).
let seeded: Buffer;
beforeAll(() => {
  const database = testDb();
  seed(database);
  seeded = imageOf(database);
});
beforeEach(() => {
  state.database = fromImage(seeded);
});

describe('the tables name every action and route under /redactie', () => {
  it('lists each file with "use server" and each export it has', async () => {
    const withActions = files.filter(
      (f) => f.endsWith('.ts') && /^\s*['"]use server['"]/.test(fs.readFileSync(f, 'utf8')),
    );
    expect(withActions.map(relative).sort()).toEqual(Object.keys(actions).sort());
    for (const [file, table] of Object.entries(actions)) {
      const loaded = (await import(path.join(root, file))) as Record<string, unknown>;
      expect(Object.keys(loaded).sort(), file).toEqual(Object.keys(table).sort());
    }
  });

  it('lists each route handler', () => {
    const handlers = files.filter((f) => path.basename(f) === 'route.ts');
    expect(handlers.map(relative).sort()).toEqual(Object.keys(routes).sort());
  });
});

const actionCases = Object.entries(actions).flatMap(([file, table]) =>
  Object.entries(table).map(([name, role]) => ({ file, name, role })),
);

async function callAction(file: string, name: string) {
  const loaded = (await import(path.join(root, file))) as Record<
    string,
    (previous: unknown, payload: unknown) => Promise<{ status: string; message?: string }>
  >;
  return loaded[name]!({ status: 'idle' }, garbage());
}

describe.each(actionCases)('action $name ($file, $role)', ({ file, name }) => {
  it('refuses without a session before reading the input', async () => {
    signInAs(null);
    expect(await callAction(file, name)).toMatchObject({
      status: 'error',
      message: expect.stringContaining('niet (meer) ingelogd'),
    });
  });
});

// An action every editor may use has no lower role to refuse.
const guarded = actionCases.filter((c) => c.role !== 'redacteur');

describe.each(guarded)('action $name ($file, $role)', ({ file, name, role }) => {
  it('refuses a lower role before validating, and logs it; the right role hears the validation', async () => {
    for (const other of lower[role]) {
      signInAs(other);
      const before = denials().length;
      expect(await callAction(file, name)).toEqual({
        status: 'error',
        message: 'U heeft geen rechten voor deze actie.',
      });
      const logged = denials();
      expect(logged).toHaveLength(before + 1);
      expect(logged.at(-1)).toMatchObject({ actorId: state.editor!.id, entityType: 'action' });
    }
    // The same input from the role the action asks: the validation answers (so the refusal
    // above came before it, not instead of a failure of its own).
    signInAs(role);
    expect(await callAction(file, name)).toMatchObject({ status: 'invalid' });
    expect(denials().filter((d) => d.actorId === state.editor!.id)).toHaveLength(0);
  });
});

async function callRoute(file: string) {
  const route = routes[file]!;
  const loaded = (await import(path.join(root, file))) as Record<string, Handler>;
  return loaded[route.method]!(route.request(), { params: Promise.resolve(route.params ?? {}) });
}

describe.each(Object.entries(routes))('route %s', (file, { role }) => {
  it('sends a visitor without a session to sign in', async () => {
    signInAs(null);
    const response = await callRoute(file);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/inloggen\?callbackUrl=%2Fredactie/);
  });

  it('answers a lower role 403 before reading the request, and logs it', async () => {
    for (const other of lower[role]) {
      signInAs(other);
      const before = denials().length;
      const response = await callRoute(file);
      expect(response.status).toBe(403);
      expect(await response.text()).toMatch(/^U heeft geen rechten om /);
      const logged = denials();
      expect(logged).toHaveLength(before + 1);
      expect(logged.at(-1)).toMatchObject({ actorId: state.editor!.id, entityType: 'route' });
    }
    signInAs(role);
    expect((await callRoute(file)).status).not.toBe(403);
  });
});
