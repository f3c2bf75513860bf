import 'server-only';
import { getDb } from '@/lib/db';
import type { TopicRef } from './dto';
import { topicRefSelect } from './mappers';
import { cachedPublicRead } from './public-cache';
import { parseSlug } from './slugs';
import { tags } from './tags';

export type TopicDetail = TopicRef & { description: string };

async function readTopics(): Promise<TopicRef[]> {
  return getDb().topic.findMany({ where: { status: 'APPROVED' }, orderBy: [{ kind: 'asc' }, { name: 'asc' }], select: topicRefSelect });
}

const cachedTopics = cachedPublicRead('topics', readTopics, () => [tags.topics]);

/** Every approved region and theme, regions first, by name. */
export async function listTopics(): Promise<TopicRef[]> {
  return cachedTopics();
}

async function readTopic(slug: string): Promise<TopicDetail | null> {
  return getDb().topic.findFirst({ where: { slug, status: 'APPROVED' }, select: { ...topicRefSelect, description: true } });
}

const cachedTopic = cachedPublicRead('topic', readTopic, (slug) => [tags.topic(slug)]);

export async function getTopicBySlug(rawSlug: string): Promise<TopicDetail | null> {
  const slug = parseSlug(rawSlug);
  return slug ? cachedTopic(slug) : null;
}
