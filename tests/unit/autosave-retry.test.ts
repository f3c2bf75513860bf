import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveController, type AutosaveHooks, type SaveStatus } from '@/components/editor/autosave';
import type { SaveResult } from '@/lib/data/article-drafts';
import type { ArticleDraft } from '@/lib/validation/article';

// The editor's retry after a lost answer: the same save (key and text) goes again, and only after it lands does
// the text typed meanwhile follow under a new key. The server side of the key: tests/integration/idempotent-saves.

type Sent = { key: string; title: string; baseVersion: number };

const draft = (title: string) => ({ title, body: { type: 'doc', content: [] } }) as unknown as ArticleDraft;

function editor(answers: ('lost' | 'ok')[]) {
  const sent: Sent[] = [];
  const statuses: SaveStatus[] = [];
  let version = 1;
  const hooks: AutosaveHooks = {
    create: async () => {
      throw new Error('not used');
    },
    save: async (_id, baseVersion, sentDraft, _kind, key): Promise<SaveResult> => {
      sent.push({ key, title: sentDraft.title, baseVersion });
      if (answers.shift() === 'lost') throw new TypeError('Failed to fetch');
      version += 1;
      return { ok: true, version, savedAt: new Date().toISOString(), slug: 'a-slug' };
    },
    onStatus: (status) => statuses.push(status),
    onCreated: () => {},
    onSlug: () => {},
  };
  return { controller: new AutosaveController(hooks, 'article-1', 1, draft('start')), sent, statuses };
}

beforeEach(() => {
  const stored = new Map<string, string>();
  vi.stubGlobal('window', {
    localStorage: { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => stored.set(key, value), removeItem: (key: string) => stored.delete(key) },
  });
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('AutosaveController retries', () => {
  it('resends an unanswered save unchanged, then saves what was typed meanwhile under a new key', async () => {
    const { controller, sent, statuses } = editor(['lost', 'ok', 'ok']);
    controller.noteChange(draft('first words'));
    await vi.advanceTimersByTimeAsync(1_200);
    expect(statuses.at(-1)).toMatchObject({ kind: 'error', message: expect.stringContaining('Not saved: connection lost') });

    controller.noteChange(draft('first words and more'));
    await vi.advanceTimersByTimeAsync(2_000);
    await vi.advanceTimersByTimeAsync(1_200);

    expect(sent.map(({ title, baseVersion }) => [title, baseVersion])).toEqual([
      ['first words', 1],
      ['first words', 1],
      ['first words and more', 2],
    ]);
    expect(sent[1]!.key).toBe(sent[0]!.key);
    expect(sent[2]!.key).not.toBe(sent[0]!.key);
    expect(statuses.at(-1)).toMatchObject({ kind: 'saved' });
    expect(controller.hasUnsavedChanges()).toBe(false);
  });

  it('flushes the newer text too when the flush first had to repeat an unanswered save', async () => {
    const { controller, sent } = editor(['lost', 'ok', 'ok']);
    controller.noteChange(draft('before publishing'));
    await vi.advanceTimersByTimeAsync(1_200);
    controller.noteChange(draft('before publishing, final'));

    expect(await controller.flush()).toBe(true);
    expect(sent.map(({ title }) => title)).toEqual(['before publishing', 'before publishing', 'before publishing, final']);
    expect(controller.hasUnsavedChanges()).toBe(false);
  });
});
