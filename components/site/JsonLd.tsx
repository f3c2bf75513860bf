import type { Thing, WithContext } from 'schema-dts';
import { serializeJsonLd } from '@/lib/seo/structured-data';

/** Structured data for search engines; the serialiser escapes `<`, so the content cannot close the script. */
export function JsonLd({ data }: { data: WithContext<Thing> }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
