// One table answers every "may this viewer do that?" question. lib/data asks it before every read of
// non-public data and every mutation; the UI may ask it too, but only to hide what would be refused anyway.

export type Role = 'ADMIN' | 'EDITOR' | 'FELLOW';

export type Viewer = {
  id: string;
  role: Role;
  name: string;
  email: string;
  /** The author profile a FELLOW owns. */
  authorId: string | null;
};

/** The resource an action is about: its owning user, or the authors (and status) of an article or profile. */
export type Target = { userId?: string; authorIds?: string[]; status?: string };

export type Action =
  | 'newsroom.enter'
  | 'user.list'
  | 'user.invite'
  | 'user.changeRole'
  | 'user.disable'
  | 'user.resetPassword'
  | 'account.manageOwn'
  | 'article.list'
  | 'article.create'
  | 'article.read'
  | 'article.edit'
  | 'article.submitForReview'
  | 'article.publish'
  | 'article.delete'
  | 'article.note'
  | 'author.list'
  | 'author.create'
  | 'author.edit'
  | 'author.merge'
  | 'author.retire'
  | 'author.invite'
  | 'topic.approve'
  | 'media.upload'
  | 'settings.manage'
  | 'audit.read';

type Rule = (viewer: Viewer, target: Target) => boolean;

const staff: Rule = (viewer) => viewer.role === 'ADMIN' || viewer.role === 'EDITOR';
const admin: Rule = (viewer) => viewer.role === 'ADMIN';
const anyone: Rule = () => true;
const ownsAuthor: Rule = (viewer, target) => viewer.authorId !== null && (target.authorIds ?? []).includes(viewer.authorId);
const staffOrCoAuthor: Rule = (viewer, target) => staff(viewer, target) || ownsAuthor(viewer, target);
// A fellow works on their own article until an editor takes it over: once scheduled, published or archived,
// only staff change it.
const FELLOW_EDITABLE = ['DRAFT', 'IN_REVIEW'];
const staffOrCoAuthorWhileDraft: Rule = (viewer, target) =>
  staff(viewer, target) || (ownsAuthor(viewer, target) && FELLOW_EDITABLE.includes(target.status ?? ''));
const self: Rule = (viewer, target) => target.userId === viewer.id;

export const permissions: Record<Action, Rule> = {
  'newsroom.enter': anyone,
  'user.list': admin,
  'user.invite': admin,
  'user.changeRole': (viewer, target) => admin(viewer, target) && !self(viewer, target),
  'user.disable': (viewer, target) => admin(viewer, target) && !self(viewer, target),
  'user.resetPassword': admin,
  'account.manageOwn': self,
  'article.list': anyone,
  'article.create': anyone,
  'article.read': staffOrCoAuthor,
  'article.edit': staffOrCoAuthorWhileDraft,
  'article.submitForReview': staffOrCoAuthorWhileDraft,
  'article.publish': staff,
  'article.delete': staffOrCoAuthorWhileDraft,
  'article.note': staff,
  'author.list': staff,
  'author.create': staff,
  'author.edit': staffOrCoAuthor,
  'author.merge': staff,
  'author.retire': staff,
  'author.invite': staff,
  'topic.approve': staff,
  'media.upload': anyone,
  'settings.manage': admin,
  'audit.read': admin,
};

/** Whether the viewer (null: an anonymous reader) may perform the action on the target. */
export function can(viewer: Viewer | null, action: Action, target: Target = {}): boolean {
  return viewer !== null && permissions[action](viewer, target);
}

export class ForbiddenError extends Error {
  constructor(readonly action: Action) {
    super(`Not allowed: ${action}`);
  }
}

export function assertCan(viewer: Viewer | null, action: Action, target: Target = {}): asserts viewer is Viewer {
  if (!can(viewer, action, target)) throw new ForbiddenError(action);
}
