import { diffWords } from 'diff';
import type { ArticleDraft } from '@/lib/validation/article';
import { documentToPlainText } from './plain-text';

// A readable comparison of two drafts: field by field, word by word, only the fields that differ.

export type DiffPart = { text: string; change: 'added' | 'removed' | 'same' };
export type FieldDiff = { field: string; parts: DiffPart[] };

type Names = { authors: Map<string, string>; topics: Map<string, string> };

function fieldsOf(draft: ArticleDraft, names: Names): [string, string][] {
  const name = (map: Map<string, string>) => (id: string) => map.get(id) ?? 'removed entry';
  return [
    ['Title', draft.title],
    ['Slug', draft.slug],
    ['Lead', draft.lead],
    ['Body', documentToPlainText(draft.body)],
    ['Authors', draft.authorIds.map(name(names.authors)).join(', ')],
    ['Topics', draft.topicIds.map(name(names.topics)).join(', ')],
    ['Publish date', draft.publishDate ?? ''],
    ['Cover image', draft.coverImageId ?? ''],
    ['Alt text', draft.coverAlt],
    ['Outlet', draft.originalOutlet],
    ['Original URL', draft.originalUrl],
    ['Original publication date', draft.originalPublishedAt ?? ''],
    ['Canonical link points to the original', draft.canonicalToOriginal ? 'yes' : 'no'],
    ['Source title', draft.sourceTitle],
    ['Source URL', draft.sourceUrl],
    ['SEO title', draft.seoTitle],
    ['SEO description', draft.seoDescription],
    ['Language', draft.language],
  ];
}

export function diffDrafts(older: ArticleDraft, newer: ArticleDraft, names: Names): FieldDiff[] {
  const before = fieldsOf(older, names);
  const after = fieldsOf(newer, names);
  return before.flatMap(([field, oldValue], index) => {
    const newValue = after[index]![1];
    if (oldValue === newValue) return [];
    const parts = diffWords(oldValue, newValue).map((part): DiffPart => ({ text: part.value, change: part.added ? 'added' : part.removed ? 'removed' : 'same' }));
    return [{ field, parts }];
  });
}
