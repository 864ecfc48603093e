import { isRouteErrorResponse, useRouteError } from 'react-router';
import { isApiError } from '../api/http.ts';
import { AlertIcon } from '../ui/icons.tsx';

/** Shown when a loader or render fails: says what happened and offers a way out. */
export function RouteErrorPage() {
  const error = useRouteError();
  const message = describeError(error);
  return (
    <div className="full-page-center">
      <div className="card error-card" role="alert">
        <span className="error-card__icon">
          <AlertIcon size={24} />
        </span>
        <h1 className="error-card__title">Something went wrong</h1>
        <p className="error-card__body">{message}</p>
        <div className="error-card__actions">
          <button type="button" className="btn btn--primary" onClick={() => window.location.reload()}>
            Try again
          </button>
          <a className="btn btn--ghost" href="/conversations">
            Go to the inbox
          </a>
        </div>
      </div>
    </div>
  );
}

function describeError(error: unknown): string {
  if (isApiError(error)) return error.message;
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`;
  if (error instanceof Error) return error.message;
  return 'An unexpected error happened.';
}
