// What the editors were told was saved, checked afterwards against the revision history in the database.
import type { ScriptPrisma } from '../lib/prisma';

export type AcknowledgedSave = { articleId: string; version: number; marker: string; kind: 'autosave' | 'save' };
export type AcknowledgedPublish = { articleId: string; version: number };
export type LedgerEntry = ({ type: 'save' } & AcknowledgedSave) | ({ type: 'publish' } & AcknowledgedPublish);

export type LedgerVerdict = { verified: number; coalesced: number; lost: AcknowledgedSave[] };

/**
 * Every acknowledged save must be in the history: as a revision of its version holding its text or, for an
 * autosave followed by another autosave of the same article, folded into that one (the editor coalesces
 * consecutive autosaves into one revision by design; lib/data/article-revisions.ts).
 */
export async function verifyLedger(prisma: ScriptPrisma, ledger: LedgerEntry[]): Promise<LedgerVerdict> {
  const articleIds = [...new Set(ledger.map((entry) => entry.articleId))];
  const revisions = await prisma.revision.findMany({ where: { articleId: { in: articleIds } }, select: { articleId: true, version: true, data: true } });
  const held = new Set(revisions.map((revision) => `${revision.articleId}/${revision.version}/${JSON.stringify(revision.data)}`));
  const holds = (save: AcknowledgedSave) => [...held].some((key) => key.startsWith(`${save.articleId}/${save.version}/`) && key.includes(save.marker));

  const verdict: LedgerVerdict = { verified: 0, coalesced: 0, lost: [] };
  ledger.forEach((entry, index) => {
    if (entry.type !== 'save') return;
    if (holds(entry)) {
      verdict.verified++;
      return;
    }
    const next = ledger.slice(index + 1).find((later) => later.articleId === entry.articleId);
    if (entry.kind === 'autosave' && next?.type === 'save' && next.kind === 'autosave') verdict.coalesced++;
    else verdict.lost.push(entry);
  });
  return verdict;
}
