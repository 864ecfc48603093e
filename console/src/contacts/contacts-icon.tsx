interface IconProps {
  size?: number;
  className?: string;
}

/** An address-book card: the contacts directory. */
export function ContactsIcon({ size = 18, className }: IconProps) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className={className}
    >
      <rect x="4" y="3" width="16" height="18" rx="2.5" />
      <circle cx="12" cy="10" r="3" />
      <path d="M7.5 17.5c.9-2 2.5-3 4.5-3s3.6 1 4.5 3" />
    </svg>
  );
}

export function VerifiedIcon({ size = 14 }: IconProps) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      aria-hidden="true"
    >
      <path
        d="M12 3l2.4 1.8 3-.2.9 2.9 2.4 1.8-1 2.8 1 2.8-2.4 1.8-.9 2.9-3-.2L12 21l-2.4-1.8-3 .2-.9-2.9-2.4-1.8 1-2.8-1-2.8 2.4-1.8.9-2.9 3 .2z"
        strokeLinejoin="round"
      />
      <path d="M8.5 12.2l2.3 2.3 4.7-4.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
