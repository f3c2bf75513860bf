// Cache tags of public reads. A mutation revalidates the tags of what it changed.
export const tags = {
  articles: 'articles',
  article: (slug: string) => `article:${slug}`,
  authors: 'authors',
  author: (slug: string) => `author:${slug}`,
  topics: 'topics',
  topic: (slug: string) => `topic:${slug}`,
};
