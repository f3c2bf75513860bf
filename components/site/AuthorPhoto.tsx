import Image from 'next/image';
import type { ImageDto } from '@/lib/data/dto';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');
}

/** The author's photo, or their initials on a tinted square when there is none. */
export function AuthorPhoto({ name, photo, size }: { name: string; photo: ImageDto | null; size: number }) {
  if (photo) {
    return <Image src={photo.src} alt={photo.alt} width={size} height={size} className="shrink-0 rounded-full object-cover" sizes={`${size}px`} />;
  }
  return (
    <span
      role="img"
      aria-label={`${name} (no photo)`}
      style={{ width: size, height: size, fontSize: size / 2.8 }}
      className="inline-flex shrink-0 items-center justify-center rounded-full bg-stone-200 font-serif font-bold text-stone-700 dark:bg-stone-700 dark:text-stone-200"
    >
      {initials(name)}
    </span>
  );
}
