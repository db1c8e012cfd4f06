import { formatDateTime, formatCount } from '@/lib/format';
import type { SendProgress } from '@/lib/send/progress';
import { failureHeadline } from '@/lib/send/summary';
import { SendControls } from './send-controls';

function eta(seconds: number): string {
  if (seconds < 60) return `${seconds} seconden`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60
    ? `${minutes} minuten`
    : `${Math.floor(minutes / 60)} uur en ${minutes % 60} minuten`;
}

function title(running: boolean, progress: SendProgress): string {
  if (!running) return failureHeadline(progress) ?? 'Verzonden';
  if (progress.pauseReason) return 'Verzending vanzelf gepauzeerd';
  if (progress.paused) return 'Verzending gepauzeerd';
  return progress.cancelled ? 'Verzending wordt geannuleerd' : 'Bezig met verzenden';
}

function Counts({ progress, running }: { progress: SendProgress; running: boolean }) {
  return (
    <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-5">
      <div>
        <dt className="text-muted">Afgeleverd</dt>
        <dd className="font-semibold" data-testid="sent-count">
          {formatCount(progress.sent)}
        </dd>
      </div>
      <div>
        <dt className="text-muted">Mislukt</dt>
        <dd className="font-semibold">{formatCount(progress.failed)}</dd>
      </div>
      <div>
        <dt className="text-muted">Overgeslagen</dt>
        <dd className="font-semibold">{formatCount(progress.skipped)}</dd>
      </div>
      {running ? (
        <>
          <div>
            <dt className="text-muted">Nog te gaan</dt>
            <dd className="font-semibold">{formatCount(progress.remaining)}</dd>
          </div>
          <div>
            <dt className="text-muted">Tempo</dt>
            <dd className="font-semibold">
              {progress.rate.toLocaleString('nl-NL', { maximumFractionDigits: 1 })} per seconde
              {progress.etaSeconds !== null ? (
                <span className="block font-normal">nog ongeveer {eta(progress.etaSeconds)}</span>
              ) : null}
            </dd>
          </div>
        </>
      ) : null}
    </dl>
  );
}

type Failure = { email: string | null; error: string | null };

function Failures({ failed, failures }: { failed: number; failures: Failure[] }) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-semibold">
        Mislukte bezorgingen ({formatCount(failed)})
      </summary>
      <ul className="mt-2 list-disc pl-5">
        {failures.map((f, i) => (
          <li key={i}>
            {f.email ?? '(gewist)'}: {f.error}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Live progress while a send runs (the page refreshes itself), a summary once it is done. */
export function SendProgressPanel({
  issueId,
  status,
  progress,
  sentAt,
  canControl,
  failures,
}: {
  issueId: number;
  status: 'sending' | 'sent';
  progress: SendProgress;
  sentAt: Date | null;
  canControl: boolean;
  failures: Failure[];
}) {
  const done = progress.sent + progress.failed + progress.skipped;
  const running = status === 'sending';
  return (
    <section
      aria-labelledby="send-title"
      className="mb-6 rounded-md border border-line bg-white p-4"
    >
      <h2 id="send-title" className="text-lg font-semibold">
        {title(running, progress)}
      </h2>
      {running && progress.pauseReason ? (
        <p role="status" className="mt-1 text-sm" data-testid="pause-reason">
          {progress.pauseReason} Geen lezer is als mislukt gemarkeerd; na het oplossen gaat
          Hervatten verder waar de verzending stopte.
        </p>
      ) : null}
      <label htmlFor="send-bar" className="mt-2 block text-sm">
        {formatCount(done)} van {formatCount(progress.total)} verwerkt
      </label>
      <progress
        id="send-bar"
        max={Math.max(1, progress.total)}
        value={done}
        className="h-3 w-full"
      />
      <Counts progress={progress} running={running} />
      {!running && sentAt ? (
        <p className="mt-3 text-sm">Verzending afgerond op {formatDateTime(sentAt)}.</p>
      ) : null}
      {failures.length ? <Failures failed={progress.failed} failures={failures} /> : null}
      {running && canControl && !progress.cancelled ? (
        <SendControls issueId={issueId} paused={progress.paused} />
      ) : null}
    </section>
  );
}
