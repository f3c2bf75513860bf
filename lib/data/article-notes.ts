import 'server-only';
import { assertCan, type Viewer } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { actorId, loadArticleFor } from './article-store';

// Internal notes between staff about an article: shown only in the editor, never on a public surface.

export const MAX_NOTE_LENGTH = 4000;

export type ArticleNoteDto = { id: string; text: string; author: string | null; createdAt: string };

export async function listArticleNotes(viewer: Viewer | null, articleId: string): Promise<ArticleNoteDto[] | null> {
  assertCan(viewer, 'newsroom.enter');
  return getDb().$transaction(async (tx) => {
    if (!(await loadArticleFor(tx, viewer, articleId, 'article.note'))) return null;
    const notes = await tx.articleNote.findMany({
      where: { articleId },
      orderBy: { createdAt: 'asc' },
      select: { id: true, text: true, createdAt: true, author: { select: { name: true } } },
    });
    return notes.map((note) => ({ id: note.id, text: note.text, author: note.author?.name ?? null, createdAt: note.createdAt.toISOString() }));
  });
}

export async function addArticleNote(viewer: Viewer | null, articleId: string, text: string): Promise<{ ok: true } | { ok: false; reason?: 'not-found'; message: string }> {
  assertCan(viewer, 'newsroom.enter');
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, message: 'Write the note first.' };
  if (trimmed.length > MAX_NOTE_LENGTH) return { ok: false, message: `A note is at most ${MAX_NOTE_LENGTH} characters.` };
  return getDb().$transaction(async (tx) => {
    if (!(await loadArticleFor(tx, viewer, articleId, 'article.note'))) return { ok: false, reason: 'not-found', message: 'This article does not exist.' };
    await tx.articleNote.create({ data: { articleId, authorId: actorId(viewer), text: trimmed } });
    return { ok: true };
  });
}
