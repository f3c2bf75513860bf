import type { CreateResult, EditorArticle, SaveResult } from '@/lib/data/article-drafts';
import { BODY_TOO_LONG_MESSAGE, draftTooLarge, requestTooLarge, type ArticleDraft } from '@/lib/validation/article';

// Saves the draft a moment after typing stops. Every save carries the version it was based on; a refused
// save (someone else saved) pauses autosaving and hands the other version to the conflict view. A failed
// save keeps the text in memory and in this browser, and retries with backoff until it lands. A save whose
// answer never came is retried as it was, under the same key, so that one which did land is not saved twice.

export const AUTOSAVE_DELAY_MS = 1200;
const RETRY_DELAYS_MS = [2000, 4000, 8000, 15000, 30000];

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string; errors?: Record<string, string[]> }
  | { kind: 'conflict'; theirs: EditorArticle; message: string };

export type AutosaveHooks = {
  create: (draft: ArticleDraft, saveKey: string) => Promise<CreateResult>;
  save: (articleId: string, baseVersion: number, draft: ArticleDraft, kind: 'autosave' | 'save', saveKey: string) => Promise<SaveResult>;
  onStatus: (status: SaveStatus) => void;
  onCreated: (articleId: string) => void;
  onSlug: (slug: string) => void;
};

export function localDraftKey(articleId: string | null): string {
  return `dispatch:draft:${articleId ?? 'new'}`;
}

type UnansweredSave = { key: string; draft: ArticleDraft; count: number };

// getRandomValues, unlike randomUUID, also works on a plain-http address other than localhost.
function newSaveKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export class AutosaveController {
  private latest: ArticleDraft;
  private changeCount = 0;
  private savedCount = 0;
  private inFlight: Promise<boolean> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retries = 0;
  private unanswered: UnansweredSave | null = null;
  private paused = false;
  /** The slug field follows the title until someone edits it; the server then picks a free slug. */
  private slugFollowsTitle = false;

  constructor(
    private readonly hooks: AutosaveHooks,
    private articleId: string | null,
    private version: number,
    initial: ArticleDraft,
  ) {
    this.latest = initial;
  }

  get id(): string | null {
    return this.articleId;
  }

  get currentVersion(): number {
    return this.version;
  }

  /** After a workflow step, which bumps the version on the server. */
  adoptVersion(next: number): void {
    this.version = next;
  }

  setSlugFollowsTitle(follows: boolean): void {
    this.slugFollowsTitle = follows;
  }

  hasUnsavedChanges(): boolean {
    return this.changeCount !== this.savedCount || this.paused;
  }

  /** Called with every edit. */
  noteChange(next: ArticleDraft): void {
    this.latest = next;
    this.changeCount += 1;
    this.keepLocally();
    if (this.paused) return;
    if (!this.inFlight) this.hooks.onStatus({ kind: 'dirty' });
    this.schedule(AUTOSAVE_DELAY_MS);
  }

  /** Saves anything unsaved (before a workflow step or a preview); false when it could not. */
  async flush(): Promise<boolean> {
    if (this.paused) return false;
    if (this.changeCount === this.savedCount && this.articleId !== null) {
      if (this.inFlight) return this.inFlight;
      return true;
    }
    // A retried save carries the text it first sent; anything typed since needs one more save.
    const retrying = this.unanswered !== null;
    const saved = await this.saveNow('save');
    return saved && retrying ? this.saveNow('save') : saved;
  }

  /** Ends a conflict: continue from `nextVersion`, saving the current text when `saveMine`. */
  async resolveConflict(nextVersion: number, saveMine: boolean, draft: ArticleDraft): Promise<boolean> {
    this.version = nextVersion;
    this.paused = false;
    this.latest = draft;
    if (saveMine) {
      this.changeCount += 1;
      return this.saveNow('save');
    }
    this.savedCount = this.changeCount;
    this.hooks.onStatus({ kind: 'saved', at: new Date().toISOString() });
    return true;
  }

  dispose(): void {
    this.clearTimer();
  }

  private schedule(delay: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => void this.saveNow('autosave'), delay);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private keepLocally(): void {
    try {
      window.localStorage.setItem(localDraftKey(this.articleId), JSON.stringify({ baseVersion: this.version, draft: this.latest, at: Date.now() }));
    } catch {
      // A full or disabled storage only loses the extra copy; the draft is still in memory.
    }
  }

  private async saveNow(kind: 'autosave' | 'save'): Promise<boolean> {
    this.clearTimer();
    while (this.inFlight) await this.inFlight;
    if (this.paused) return false;
    if (this.changeCount === this.savedCount && this.articleId !== null) return true;
    this.inFlight = this.attempt(kind);
    try {
      return await this.inFlight;
    } finally {
      this.inFlight = null;
    }
  }

  private async attempt(kind: 'autosave' | 'save'): Promise<boolean> {
    const save = this.unanswered ?? { key: newSaveKey(), draft: this.slugFollowsTitle ? { ...this.latest, slug: '' } : this.latest, count: this.changeCount };
    const { count } = save;
    // Too long a draft is refused before sending: the server would drop the request without an answer.
    if (draftTooLarge(save.draft)) return this.refuseTooLarge();
    this.hooks.onStatus({ kind: 'saving' });
    try {
      if (this.articleId === null) {
        const created = await this.hooks.create(save.draft, save.key);
        this.unanswered = null;
        if (!created.ok) {
          this.hooks.onStatus({ kind: 'error', message: `Not saved: ${created.message}`, errors: created.errors });
          return false;
        }
        window.localStorage.removeItem(localDraftKey(null));
        this.articleId = created.id;
        this.version = created.version;
        this.hooks.onCreated(created.id);
        this.hooks.onSlug(created.slug);
      } else {
        const result = await this.hooks.save(this.articleId, this.version, save.draft, kind, save.key);
        this.unanswered = null;
        if (!result.ok) {
          if (result.reason === 'conflict') {
            this.paused = true;
            this.hooks.onStatus({ kind: 'conflict', theirs: result.theirs, message: result.message });
          } else {
            this.hooks.onStatus({ kind: 'error', message: `Not saved: ${result.message}`, errors: result.reason === 'invalid' ? result.errors : undefined });
          }
          return false;
        }
        this.version = result.version;
        this.hooks.onSlug(result.slug);
      }
      this.retries = 0;
      this.savedCount = count;
      if (this.changeCount === count) {
        window.localStorage.removeItem(localDraftKey(this.articleId));
        this.hooks.onStatus({ kind: 'saved', at: new Date().toISOString() });
      } else {
        this.keepLocally();
        this.schedule(AUTOSAVE_DELAY_MS);
      }
      return true;
    } catch {
      if (requestTooLarge(save.draft)) return this.refuseTooLarge();
      this.unanswered = save;
      const delay = RETRY_DELAYS_MS[Math.min(this.retries, RETRY_DELAYS_MS.length - 1)]!;
      this.retries += 1;
      this.hooks.onStatus({ kind: 'error', message: `Not saved: connection lost. Your text is kept in this browser; retrying in ${Math.round(delay / 1000)} s.` });
      this.schedule(delay);
      return false;
    }
  }

  /** A draft too long to save stays in the editor and this browser; it is not retried until it changes. */
  private refuseTooLarge(): false {
    this.unanswered = null;
    this.hooks.onStatus({ kind: 'error', message: `Not saved: ${BODY_TOO_LONG_MESSAGE}`, errors: { body: [BODY_TOO_LONG_MESSAGE] } });
    return false;
  }
}
