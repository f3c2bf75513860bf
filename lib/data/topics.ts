import 'server-only';
import { getDb } from '@/lib/db';
import type { TopicRef } from './dto';
import { topicRefSelect } from './mappers';
import { cachedPublicRead } from './public-cache';
import { parseSlug } from './slugs';
import { tags } from './tags';

export type TopicDetail = TopicRef & { description: string };
type TopicRow = TopicDetail & { id: string };

// One read of every approved topic serves the site's navigation, a topic page and a list filtered by topic: a
// publication has tens of topics, and the layout asks for them on every page anyway.
async function readTopics(): Promise<TopicRow[]> {
  return getDb().topic.findMany({
    where: { status: 'APPROVED' },
    orderBy: [{ kind: 'asc' }, { name: 'asc' }],
    select: { id: true, ...topicRefSelect, description: true },
  });
}

const cachedTopics = cachedPublicRead('topics', readTopics, () => [tags.topics]);

/** Every approved region and theme, regions first, by name. */
export async function listTopics(): Promise<TopicRef[]> {
  return (await cachedTopics()).map(({ slug, name, kind }) => ({ slug, name, kind }));
}

/** An approved topic with its id (lib/data only). */
export async function approvedTopic(rawSlug: string): Promise<TopicRow | null> {
  const slug = parseSlug(rawSlug);
  return slug ? ((await cachedTopics()).find((topic) => topic.slug === slug) ?? null) : null;
}

export async function getTopicBySlug(rawSlug: string): Promise<TopicDetail | null> {
  const topic = await approvedTopic(rawSlug);
  return topic ? { slug: topic.slug, name: topic.name, kind: topic.kind, description: topic.description } : null;
}

/** The id of an approved topic, for filtering lists in SQL (lib/data only). */
export async function approvedTopicId(slug: string): Promise<string | null> {
  return (await approvedTopic(slug))?.id ?? null;
}
