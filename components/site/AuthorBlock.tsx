import Link from 'next/link';
import type { AuthorCard } from '@/lib/data/dto';
import { AuthorPhoto } from './AuthorPhoto';
import { TopicLinks } from './TopicLinks';

/** The "About the author" block under an article: the five profile fields readers expect. */
export function AuthorBlock({ author }: { author: AuthorCard }) {
  const headingId = `author-${author.slug}`;
  return (
    <section aria-labelledby={headingId} className="flex gap-4 rounded-lg border border-stone-200 p-5 dark:border-stone-700">
      <AuthorPhoto name={author.name} photo={author.photo} size={72} />
      <div className="min-w-0">
        <h3 id={headingId} className="font-serif text-lg font-bold">
          <Link href={`/authors/${author.slug}`} className="hover:underline">{author.name}</Link>
        </h3>
        <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          {author.position ? (<><dt className="font-semibold">Position</dt><dd>{author.position}</dd></>) : null}
          {author.location ? (<><dt className="font-semibold">Location</dt><dd>{author.location}</dd></>) : null}
          {author.competences.length > 0 ? (
            <>
              <dt className="font-semibold">Competence</dt>
              <dd><TopicLinks topics={author.competences} label={`Competence of ${author.name}`} /></dd>
            </>
          ) : null}
          {author.fieldOfExpertise ? (<><dt className="font-semibold">Field of expertise</dt><dd>{author.fieldOfExpertise}</dd></>) : null}
          {author.workExperience ? (<><dt className="font-semibold">Work experience</dt><dd>{author.workExperience}</dd></>) : null}
        </dl>
      </div>
    </section>
  );
}
