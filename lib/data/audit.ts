import 'server-only';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

export type AuditEntry = {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  detail?: Prisma.InputJsonValue;
  ip?: string | null;
};

// The client or a transaction of it: anything that can create an audit event.
type Writer = { auditEvent: { create(args: { data: Prisma.AuditEventUncheckedCreateInput }): PromiseLike<unknown> } };

/** Who did what, when: written in the caller's transaction when it has one. */
export async function recordAudit(entry: AuditEntry, writer: Writer = getDb()): Promise<void> {
  await writer.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      detail: entry.detail,
      ip: entry.ip ?? null,
    },
  });
}
