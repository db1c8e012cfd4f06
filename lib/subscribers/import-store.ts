import 'server-only';
import crypto from 'node:crypto';

// An uploaded file waits here between preview and commit, keyed by a random id and bound to the
// editor who uploaded it. The commit plans again from the text, so what changed in between
// (someone unsubscribed) is respected. One server process; an entry lives an hour at most.

type Upload = {
  editorId: string;
  newsletterId: number;
  fileName: string;
  text: string;
  at: number;
};

const MAX_AGE_MS = 60 * 60 * 1000;
const MAX_ENTRIES = 20;

const globalStore = globalThis as unknown as { kopijImports?: Map<string, Upload> };
const store = () => (globalStore.kopijImports ??= new Map());

function prune(now: number) {
  const uploads = store();
  for (const [id, upload] of uploads) if (now - upload.at > MAX_AGE_MS) uploads.delete(id);
  // Oldest first: a Map keeps insertion order.
  while (uploads.size >= MAX_ENTRIES) uploads.delete(uploads.keys().next().value!);
}

export function keepUpload(upload: Omit<Upload, 'at'>): string {
  const now = Date.now();
  prune(now);
  const id = crypto.randomBytes(16).toString('base64url');
  store().set(id, { ...upload, at: now });
  return id;
}

export function findUpload(id: string, editorId: string): Upload | null {
  prune(Date.now());
  const upload = store().get(id);
  return upload && upload.editorId === editorId ? upload : null;
}

export function dropUpload(id: string) {
  store().delete(id);
}
