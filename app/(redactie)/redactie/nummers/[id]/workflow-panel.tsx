'use client';

import { startTransition, useActionState, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@/components/button';
import { FormMessage } from '@/components/form-message';
import { idle, type ActionState } from '@/lib/action-state';
import { Modal } from '@/components/modal';
import { sendNow } from './send-actions';
import { approve, requestReview, schedule, sendBack, unschedule } from './workflow-actions';
import { formatCount } from '@/lib/format';

const actions = { requestReview, approve, schedule, unschedule, sendBack, startSend: sendNow };
type Step = keyof typeof actions;
/** What the send confirmation names, so nobody sends the wrong issue to the wrong list. */
export type SendSummary = {
  title: string;
  subject: string;
  recipients: number;
  /** The audience groups it goes to ("griffiers"); null: every subscriber. */
  audience: string | null;
  /** Delivery checks that stop the send now (lib/email/delivery-checks.ts); empty when it may go. */
  blockers: string[];
};
type Props = {
  issueId: number;
  version: number;
  steps: Step[];
  fourEyesNote: string | null;
  scheduledFor: string | null;
  defaultMoment: string;
  send: SendSummary;
};

type StepForms = {
  steps: Step[];
  issueId: number;
  version: number;
  pending: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
};

/** One step's form, shown only when the editor may take that step. */
function StepForm({
  forms,
  name,
  label,
  variant,
  id,
  children,
}: {
  forms: StepForms;
  name: Step;
  label: string;
  variant: 'primary' | 'secondary';
  id?: string;
  children?: ReactNode;
}) {
  if (!forms.steps.includes(name)) return null;
  return (
    <form id={id} onSubmit={forms.onSubmit} className="space-y-2">
      <input type="hidden" name="step" value={name} />
      <input type="hidden" name="issueId" value={forms.issueId} />
      <input type="hidden" name="version" value={forms.version} />
      {children}
      <Button type="submit" variant={variant} disabled={forms.pending}>
        {label}
      </Button>
    </form>
  );
}

function SendConfirmation({ send, onClose }: { send: SendSummary; onClose: () => void }) {
  return (
    <Modal title="Nummer nu verzenden?" onClose={onClose}>
      <p className="mt-2">
        U verzendt <strong>{send.title}</strong> nu aan{' '}
        <strong>{formatCount(send.recipients)}</strong>{' '}
        {send.recipients === 1 ? 'abonnee' : 'abonnees'}
        {send.audience ? ` (${send.audience})` : ''}.
      </p>
      <p className="mt-2">
        Onderwerp: <strong>{send.subject || '(geen onderwerp)'}</strong>
      </p>
      <p className="mt-2 text-sm text-muted">
        Elke abonnee krijgt alleen de thema&apos;s die hij of zij volgt. U kunt de verzending daarna
        nog pauzeren of annuleren.
      </p>
      <div className="mt-6 flex flex-wrap gap-2">
        <Button type="submit" form="send-now">
          Ja, verzend nu
        </Button>
        <Button variant="secondary" onClick={onClose}>
          Annuleren
        </Button>
      </div>
    </Modal>
  );
}

function MomentField({ defaultMoment }: { defaultMoment: string }) {
  return (
    <>
      <label htmlFor="moment" className="block text-sm font-semibold">
        Verzenden op (Nederlandse tijd)
      </label>
      <input
        id="moment"
        name="moment"
        type="datetime-local"
        defaultValue={defaultMoment}
        required
        className="rounded-md border border-gray-500 px-3 py-2"
      />
    </>
  );
}

function NoteField() {
  return (
    <>
      <label htmlFor="note" className="block text-sm font-semibold">
        Toelichting voor de redacteur <span className="font-normal text-muted">(optioneel)</span>
      </label>
      <textarea
        id="note"
        name="note"
        rows={2}
        maxLength={2000}
        className="block w-72 rounded-md border border-gray-500 px-3 py-2"
      />
    </>
  );
}

/** Why an approved issue cannot go out now, named before anyone tries (the server refuses too). */
function SendBlockers({ blockers }: { blockers: string[] }) {
  if (!blockers.length) return null;
  return (
    <div
      role="alert"
      data-send-blockers
      className="mt-2 rounded-md border border-red-300 bg-danger-50 px-4 py-3 text-sm text-danger"
    >
      <p className="font-semibold">Verzenden kan nu niet:</p>
      <ul className="mt-1 list-disc pl-5">
        {blockers.map((b) => (
          <li key={b}>{b}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The next steps this editor may take; the server decides again on every one. The outcome is
 * kept here, not in the step's own form: that form vanishes once its step is taken.
 */
export function WorkflowPanel({
  issueId,
  version,
  steps,
  fourEyesNote,
  scheduledFor,
  defaultMoment,
  send,
}: Props) {
  const [outcome, dispatch, pending] = useActionState(
    (previous: ActionState, form: FormData) => actions[form.get('step') as Step](previous, form),
    idle,
  );
  const [confirming, setConfirming] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (form.get('step') === 'startSend' && !confirming) return setConfirming(true);
    setConfirming(false);
    startTransition(() => dispatch(form));
  };
  const forms: StepForms = { steps, issueId, version, pending, onSubmit };

  const quiet = !steps.length && !fourEyesNote && !scheduledFor && !send.blockers.length;
  if (quiet && outcome.status === 'idle') return null;
  return (
    <section
      aria-labelledby="workflow-title"
      className="mb-6 rounded-md border border-line bg-white p-4"
    >
      <h2 id="workflow-title" className="text-lg font-semibold">
        Redactieproces
      </h2>
      {scheduledFor ? <p className="mt-1">Ingepland voor {scheduledFor}.</p> : null}
      {fourEyesNote ? <p className="mt-1 text-sm text-muted">{fourEyesNote}</p> : null}
      <SendBlockers blockers={send.blockers} />
      <div className="mt-3">
        <FormMessage state={pending ? { status: 'idle' } : outcome} />
      </div>
      <div className="mt-3 flex flex-wrap items-start gap-6">
        <StepForm
          forms={forms}
          name="requestReview"
          label="Ter review aanbieden"
          variant="primary"
        />
        <StepForm forms={forms} name="approve" label="Goedkeuren" variant="primary" />
        <StepForm forms={forms} name="schedule" label="Inplannen" variant="primary">
          <MomentField defaultMoment={defaultMoment} />
        </StepForm>
        <StepForm
          forms={forms}
          name="startSend"
          label="Nu verzenden…"
          variant="primary"
          id="send-now"
        >
          {confirming ? (
            <SendConfirmation send={send} onClose={() => setConfirming(false)} />
          ) : null}
        </StepForm>
        <StepForm
          forms={forms}
          name="unschedule"
          label="Uit de planning halen"
          variant="secondary"
        />
        <StepForm
          forms={forms}
          name="sendBack"
          label="Terugsturen naar concept"
          variant="secondary"
        >
          <NoteField />
        </StepForm>
      </div>
    </section>
  );
}
