import Link from 'next/link';
import type { AuthorCard } from '@/lib/data/dto';
import { AuthorPhoto } from './AuthorPhoto';

export function AuthorCardView({ author, headingLevel = 2 }: { author: AuthorCard; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="flex gap-4 border-t border-stone-200 pt-4 dark:border-stone-800">
      <AuthorPhoto name={author.name} photo={author.photo} size={64} />
      <div>
        <Heading className="font-serif text-lg font-bold">
          <Link href={`/authors/${author.slug}`} className="hover:underline">{author.name}</Link>
        </Heading>
        <p className="text-sm text-stone-700 dark:text-stone-300">{[author.position, author.location].filter(Boolean).join(' · ')}</p>
        {author.fieldOfExpertise ? <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">{author.fieldOfExpertise}</p> : null}
      </div>
    </article>
  );
}
