import { useRef } from 'preact/hooks';
import type { IdentityProblem } from '../sync/chat-controller.ts';
import { LockIcon } from './icons.tsx';
import signInCss from './sign-in-notice.css?inline';
import { signInStringsFor } from './sign-in-strings.ts';
import { useChunkStyles } from './use-chunk-styles.ts';

/** Shown instead of the chat when the api refused the visitor's identity (or wants one): no history, no composer. */
export function SignInNotice({ problem, locale }: { problem: IdentityProblem; locale: string | undefined }) {
  const text = signInStringsFor(locale);
  const ref = useRef<HTMLDivElement>(null);
  useChunkStyles(ref, signInCss);
  return (
    <div ref={ref} class="sign-in" data-testid="parley-signin" data-reason={problem} role="status">
      <LockIcon />
      <p>{problem === 'required' ? text.signInRequired : text.signInInvalid}</p>
    </div>
  );
}
