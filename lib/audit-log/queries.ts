import 'server-only';
import { db } from '@/db';
import { listAudit, type AuditFilter } from './list';

export function auditPage(filter: AuditFilter) {
  return listAudit(db(), filter);
}
