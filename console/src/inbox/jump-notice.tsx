import { Spinner } from '../ui/spinner.tsx';
import type { JumpState } from './use-jump-to-seq.ts';
import './jump.css';

/** Above the timeline while a conversation opens at an older message (from search), or when it cannot. */
export function JumpNotice({ state, onRetry }: { state: JumpState; onRetry(): void }) {
  if (state === 'loading') {
    return (
      <p className="jump-notice" role="status" data-testid="jump-notice" data-state={state}>
        <Spinner size="sm" />
        Loading earlier messages to reach the one you opened…
      </p>
    );
  }
  if (state === 'failed') {
    return (
      <p className="jump-notice jump-notice--problem" role="alert" data-testid="jump-notice" data-state={state}>
        Could not load the earlier messages to reach the one you opened.
        <button type="button" className="link-button" onClick={onRetry}>
          Try again
        </button>
      </p>
    );
  }
  if (state === 'missing') {
    return (
      <p className="jump-notice" role="status" data-testid="jump-notice" data-state={state}>
        That message is not in this conversation any more. Showing the latest messages.
      </p>
    );
  }
  return null;
}
