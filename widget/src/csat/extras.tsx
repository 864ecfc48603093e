// The on-demand chunk: everything of the rating, transcript and previous conversations but the hooks
// in the chat (lazy-view.tsx, history-button.tsx).

export { HistoryView } from '../history/history-view.tsx';
export { EndCard } from './end-card.tsx';
