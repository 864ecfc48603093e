import { strings } from '../i18n/strings.ts';
import type { IdentityProblem } from '../sync/chat-controller.ts';
import { LockIcon } from './icons.tsx';

/** Shown instead of the chat when the api refused the visitor's identity (or wants one): no history, no composer. */
export function SignInNotice({ problem }: { problem: IdentityProblem }) {
  return (
    <div class="sign-in" data-testid="parley-signin" data-reason={problem} role="status">
      <LockIcon />
      <p>{problem === 'required' ? strings.signInRequired : strings.signInInvalid}</p>
    </div>
  );
}
