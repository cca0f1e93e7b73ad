import { numberHref } from './number-href.ts';

export { numberHref };

/**
 * A number as a link to its page when it was read as a phone number (E.164); the raw text from the
 * call records, not a link, when it could not be.
 */
export function NumberLink({
  number,
  raw,
  className,
}: {
  number: string | null | undefined;
  raw?: string | null;
  className?: string;
}) {
  if (!number) return <span className={className}>{raw ?? '?'}</span>;
  return (
    <a
      className={className ? `number-link ${className}` : 'number-link'}
      href={numberHref(number)}
      title={`Everything about ${number}`}
      onClick={(e) => e.stopPropagation()}
    >
      {number}
    </a>
  );
}
