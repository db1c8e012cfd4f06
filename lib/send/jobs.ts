/** A claimed delivery with what it takes to build and address its copy. */
export type Job = {
  id: number;
  issueId: number;
  newsletterId: number;
  subscriberId: number;
  variant: string;
  attempts: number;
  email: string | null;
  tokenVersion: number;
  /** For the greeting's first name. */
  name: string | null;
  hardBounces: number;
  softBounces: number;
  subscriberStatus: string;
  subscriptionStatus: string | null;
  pausedUntil: Date | null;
};

export type SendPolicy = { maxAttempts: number; retryBaseMs: number; bounceLimit: number };

/** Why a claimed copy should not go out after all (the reader left after the send started). */
export function skipReason(job: Job, now = Date.now()): string | null {
  if (!job.email || job.subscriberStatus !== 'active') return 'Abonnee is niet meer actief';
  if (job.subscriptionStatus === 'active') return null;
  if (job.subscriptionStatus === 'paused' && (job.pausedUntil?.getTime() ?? 0) <= now) return null;
  return 'Abonnee heeft zich afgemeld of gepauzeerd';
}
