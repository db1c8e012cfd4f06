import 'server-only';
import { asc } from 'drizzle-orm';
import { db } from '@/db';
import { newsletters } from '@/db/schema';

export function listNewsletters() {
  return db().select().from(newsletters).orderBy(asc(newsletters.name)).all();
}
