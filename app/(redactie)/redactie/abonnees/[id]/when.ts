import { formatDateTime } from '@/lib/format';

/** A moment that may not have happened (yet): a dash reads better than an empty place. */
export const when = (value: Date | null) => (value ? formatDateTime(value) : '—');
