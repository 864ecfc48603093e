import { formatClockTime, formatFullTime } from '../lib/format-time.ts';
import './rating-item.css';

/** "★★★★☆": the stars of a 1–5 rating, for sighted readers (the text beside says it in words). */
export function ratingStars(rating: number): string {
  return '★'.repeat(rating) + '☆'.repeat(5 - rating);
}

/** The visitor's CSAT in the timeline: stars, "Rated 4 of 5" and their comment, as plain text. */
export function RatingItem({
  rating,
  comment,
  at,
  seq,
}: {
  rating: number;
  comment: string | null;
  at: string;
  seq: number;
}) {
  return (
    <div className="rating-item" data-testid="rating-item" data-seq={seq} data-rating={rating}>
      <div className="rating-item__card">
        <div className="rating-item__head">
          <span className="rating-item__stars" aria-hidden="true">
            {ratingStars(rating)}
          </span>
          <span className="rating-item__label">Visitor rated this conversation {rating} of 5</span>
          <time className="rating-item__time" dateTime={at} title={formatFullTime(at)}>
            {formatClockTime(at)}
          </time>
        </div>
        {comment ? <p className="rating-item__comment">“{comment}”</p> : null}
      </div>
    </div>
  );
}

/** The list row's small rating badge. */
export function RatingBadge({ rating }: { rating: number | null | undefined }) {
  if (!rating) return null;
  return (
    <span className="rating-badge" data-testid="rating-badge" title={`Visitor rated ${rating} of 5`}>
      <span aria-hidden="true">★</span> {rating}
      <span className="visually-hidden"> of 5 rating</span>
    </span>
  );
}
