// Where the feeds and sitemaps live (the public contract of docs/ARCHITECTURE.md's routes).

export const feedPaths = {
  site: '/feed.xml',
  atom: '/atom.xml',
  author: (slug: string) => `/authors/${slug}/feed.xml`,
  topic: (slug: string) => `/topics/${slug}/feed.xml`,
};

export const sitemapPaths = {
  root: '/sitemap.xml',
  news: '/news-sitemap.xml',
  pages: '/sitemaps/pages.xml',
  authors: (page: number) => `/sitemaps/authors-${page}.xml`,
  articles: (page: number) => `/sitemaps/articles-${page}.xml`,
};
