import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { seed } from '@/scripts/seed';

export type Result = {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  [extra: string]: unknown;
};

export function report(result: Result) {
  console.log(JSON.stringify(result));
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const round = (value: number, digits = 3) => Number(value.toFixed(digits));

/** A seeded database file in a fresh temporary folder (removed by the caller with `dispose`). */
export function seededDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kopij-bench-'));
  const file = path.join(dir, 'kopij.db');
  const database = openDatabase(file);
  migrateDatabase(database);
  seed(database);
  return {
    dir,
    file,
    database,
    dispose: () => (database.$client.close(), fs.rmSync(dir, { recursive: true, force: true })),
  };
}
