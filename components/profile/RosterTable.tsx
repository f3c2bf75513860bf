import Link from 'next/link';
import type { RosterEntry } from '@/lib/data/roster';

export function RosterTable({ authors }: { authors: RosterEntry[] }) {
  return (
    <table className="mt-2 w-full text-left text-sm">
      <caption className="sr-only">Authors</caption>
      <thead>
        <tr className="border-b border-stone-300 dark:border-stone-700">
          <th scope="col" className="py-2 pr-4">Name</th>
          <th scope="col" className="py-2 pr-4">Competence</th>
          <th scope="col" className="py-2 pr-4">Account</th>
          <th scope="col" className="py-2 pr-4">Articles</th>
          <th scope="col" className="py-2">Status</th>
        </tr>
      </thead>
      <tbody>
        {authors.map((author) => (
          <tr key={author.id} className="border-b border-stone-200 align-top dark:border-stone-800">
            <td className="py-2 pr-4">
              <Link href={`/editor/authors/${author.id}`} className="font-medium underline">{author.name}</Link>
              {author.position ? <><br /><span className="text-stone-600 dark:text-stone-400">{author.position}</span></> : null}
            </td>
            <td className="py-2 pr-4">{author.competences.map((topic) => topic.name).join(', ')}</td>
            <td className="py-2 pr-4">{author.account === 'fellow' ? 'Fellow' : 'Guest'}</td>
            <td className="py-2 pr-4">{author.articleCount}</td>
            <td className="py-2">
              {author.retired ? 'Retired' : 'Active'}
              {author.pendingChange ? <><br /><span className="font-medium">Change awaiting review</span></> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
