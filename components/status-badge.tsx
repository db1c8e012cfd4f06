import { issueStatusLabels } from '@/lib/issue/workflow';
import type { IssueStatus } from '@/db/schema';

type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

const tones: Record<Tone, string> = {
  neutral: 'bg-gray-100 text-gray-800 ring-gray-300',
  info: 'bg-brand-50 text-brand-800 ring-brand-100',
  success: 'bg-success-50 text-success ring-green-200',
  warning: 'bg-warning-50 text-warning ring-amber-200',
  danger: 'bg-danger-50 text-danger ring-red-200',
};

export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: React.ReactNode }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${tones[tone]}`}
    >
      {children}
    </span>
  );
}

const issueStatusTones: Record<IssueStatus, Tone> = {
  concept: 'neutral',
  review: 'warning',
  approved: 'info',
  scheduled: 'info',
  sending: 'warning',
  sent: 'success',
};

export function StatusBadge({ status }: { status: IssueStatus }) {
  return <Badge tone={issueStatusTones[status]}>{issueStatusLabels[status]}</Badge>;
}

export { issueStatusLabels };
