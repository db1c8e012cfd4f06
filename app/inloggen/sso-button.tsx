import { SubmitButton } from '@/components/submit-button';
import { signInWithOrganisation } from './sso-action';

/** "Inloggen met <organisatie>": a plain form, so it works before (or without) JavaScript. */
export function SsoButton({ name, callbackUrl }: { name: string; callbackUrl: string }) {
  return (
    <form action={signInWithOrganisation}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <SubmitButton
        pendingText={`Doorsturen naar ${name}...`}
      >{`Inloggen met ${name}`}</SubmitButton>
    </form>
  );
}
