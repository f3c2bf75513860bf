import type { Paged } from './dto';

// Counting a whole archive costs as much as reading it: a list counts only this many pages past the one shown.
export const LIST_PAGES_COUNTED_AHEAD = 9;

/** A page of a list whose total may be a lower bound: `totalIsLowerBound` when more pages exist than were counted. */
export type BoundedPage<T> = Paged<T> & { totalIsLowerBound: boolean };

/** How many rows a count for `page` should stop at: one more than the pages it looks ahead can show. */
export function countLimitFor(page: number, perPage: number): number {
  return (page + LIST_PAGES_COUNTED_AHEAD) * perPage + 1;
}

/** The page of `items`, with the total a count stopped at `countLimitFor(page, perPage)` allows to state. */
export function boundedPage<T>(items: T[], page: number, perPage: number, counted: number): BoundedPage<T> {
  const totalIsLowerBound = counted === countLimitFor(page, perPage);
  const total = totalIsLowerBound ? counted - 1 : counted;
  return { items, page, pageCount: Math.max(1, Math.ceil(total / perPage)), total, totalIsLowerBound };
}

export const emptyPage = <T>(page: number): BoundedPage<T> => ({ items: [], page, pageCount: 1, total: 0, totalIsLowerBound: false });
