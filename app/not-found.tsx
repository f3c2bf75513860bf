import { NotFoundMessage } from '@/components/site/NotFoundMessage';

export default function NotFound() {
  return (
    <main id="main" className="px-4">
      <NotFoundMessage />
    </main>
  );
}
