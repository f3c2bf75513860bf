import Link from 'next/link';
import type { AuthorRef } from '@/lib/data/dto';

/** "By A, B and C", each name linking to its profile. */
export function Byline({ authors }: { authors: AuthorRef[] }) {
  if (authors.length === 0) return null;
  return (
    <span>
      By{' '}
      {authors.map((author, index) => (
        <span key={author.slug}>
          {index > 0 ? (index === authors.length - 1 ? ' and ' : ', ') : null}
          <Link href={`/authors/${author.slug}`} className="font-medium underline decoration-stone-400 underline-offset-2 hover:decoration-current">
            {author.name}
          </Link>
        </span>
      ))}
    </span>
  );
}
