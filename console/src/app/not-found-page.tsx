import { Link } from 'react-router';
import { EmptyState } from '../ui/empty-state.tsx';

export function NotFoundPage() {
  return (
    <main className="page page--center">
      <EmptyState
        title="Page not found"
        action={
          <Link className="btn btn--primary" to="/conversations">
            Back to conversations
          </Link>
        }
      >
        There is nothing at this address.
      </EmptyState>
    </main>
  );
}
