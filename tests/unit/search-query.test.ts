import { describe, expect, it } from 'vitest';
import {
  hasSearchableWords,
  MAX_SEARCH_PAGE,
  MAX_SEARCH_QUERY_LENGTH,
  normalizeSearchText,
  parseSearchParams,
  searchHref,
} from '@/lib/validation/search';

describe('normalizeSearchText', () => {
  it('trims and collapses whitespace', () => {
    expect(normalizeSearchText('  grain \t\n corridor  ')).toEqual({ text: 'grain corridor', shortened: false });
  });

  it('drops NUL and other control characters, and lone surrogates', () => {
    expect(normalizeSearchText('zephy\u0000rine\u0007\u009b')).toEqual({ text: 'zephy rine', shortened: false });
    expect(normalizeSearchText('a\ud800b\udc00c').text).toBe('a b c');
    expect(normalizeSearchText('keeps 😀 pairs').text).toBe('keeps 😀 pairs');
  });

  it('cuts an overlong query to its first 200 characters without splitting one', () => {
    const { text, shortened } = normalizeSearchText('😀'.repeat(10_000));
    expect(shortened).toBe(true);
    expect(Array.from(text)).toHaveLength(MAX_SEARCH_QUERY_LENGTH);
    expect(text).toBe('😀'.repeat(MAX_SEARCH_QUERY_LENGTH));
    expect(normalizeSearchText('a'.repeat(MAX_SEARCH_QUERY_LENGTH)).shortened).toBe(false);
  });

  it('cuts at the end of a word when it can', () => {
    const { text, shortened } = normalizeSearchText('spreadsheet '.repeat(800));
    expect(shortened).toBe(true);
    expect(text).toBe(Array(16).fill('spreadsheet').join(' '));
    expect(normalizeSearchText(`${'a'.repeat(MAX_SEARCH_QUERY_LENGTH)} next`).text).toBe('a'.repeat(MAX_SEARCH_QUERY_LENGTH));
  });
});

describe('hasSearchableWords', () => {
  it.each(['icebreakers', 'безопасность', '42', '"grain corridor"', '-spring harbour'])('finds words in %j', (text) => {
    expect(hasSearchableWords(text)).toBe(true);
  });

  it.each(['', '"', '""""', '&|!():*', '-', '😀🎉', '<>'])('finds nothing to search in %j', (text) => {
    expect(hasSearchableWords(text)).toBe(false);
  });
});

describe('parseSearchParams', () => {
  it('reads every parameter of a well-formed URL', () => {
    expect(
      parseSearchParams({ q: ' "grain corridor" -spring ', region: 'south-caucasus', theme: 'energy', author: 'tamar-gelashvili', from: '2025-01-01', to: '2025-06-30', page: '3' }),
    ).toEqual({
      query: { q: '"grain corridor" -spring', region: 'south-caucasus', theme: 'energy', author: 'tamar-gelashvili', from: '2025-01-01', to: '2025-06-30', page: 3 },
      shortened: false,
      authorAsTyped: 'tamar-gelashvili',
    });
  });

  it('defaults an empty URL', () => {
    expect(parseSearchParams({})).toEqual({ query: { q: '', page: 1 }, shortened: false, authorAsTyped: '' });
  });

  it('reads an author typed by name as their slug, and keeps the name as typed for the form', () => {
    expect(parseSearchParams({ author: '  Leila Haddad ' })).toMatchObject({ query: { author: 'leila-haddad' }, authorAsTyped: 'Leila Haddad' });
    expect(parseSearchParams({ author: 'Тамар Гелашвили' }).query).toMatchObject({ author: 'tamar-gelashvili' });
    expect(parseSearchParams({ author: '<script>' }).query).toMatchObject({ author: 'script' });
    expect(parseSearchParams({ author: '!!!' })).toMatchObject({ query: { q: '', page: 1 }, authorAsTyped: '' });
  });

  it('takes the first of repeated parameters', () => {
    expect(parseSearchParams({ q: ['first', 'second'], region: ['arctic', 'south-caucasus'] }).query).toMatchObject({ q: 'first', region: 'arctic' });
  });

  it('drops malformed filters instead of failing', () => {
    const { query } = parseSearchParams({ region: 'Not A Slug', theme: '../etc', author: 'a'.repeat(300), from: '2025-02-30', to: '2025-13-01' });
    expect(query).toEqual({ q: '', page: 1 });
    expect(parseSearchParams({ from: '25-01-01', to: '2025-1-1' }).query).toEqual({ q: '', page: 1 });
  });

  it('swaps a date range typed backwards', () => {
    expect(parseSearchParams({ from: '2025-06-30', to: '2025-01-01' }).query).toMatchObject({ from: '2025-01-01', to: '2025-06-30' });
  });

  it.each([
    ['0', 1],
    ['-4', 1],
    ['2.5', 1],
    ['abc', 1],
    ['1e9', MAX_SEARCH_PAGE],
    ['999', MAX_SEARCH_PAGE],
  ])('bounds page %j to %d', (page, expected) => {
    expect(parseSearchParams({ page }).query.page).toBe(expected);
  });

  it('says when it shortened the query', () => {
    expect(parseSearchParams({ q: 'word '.repeat(100) }).shortened).toBe(true);
  });
});

describe('searchHref', () => {
  it('leaves defaults out and round-trips through the parser', () => {
    expect(searchHref({ q: '', page: 1 })).toBe('/search');
    const query = { q: 'walrus or "narwhal tusks"', region: 'arctic', from: '2025-01-01', page: 2 };
    const href = searchHref(query);
    expect(href).toBe('/search?q=walrus+or+%22narwhal+tusks%22&region=arctic&from=2025-01-01&page=2');
    expect(parseSearchParams(Object.fromEntries(new URL(href, 'http://localhost').searchParams)).query).toEqual(query);
  });
});
