import type { Viewer } from '@/lib/auth/permissions';
import type { ScriptPrisma } from '../../scripts/lib/prisma';

/**
 * A new account with this role, as lib/data sees it once signed in. lib/data is imported here, on first use, so a
 * test file can point DATABASE_URL at its own database first.
 */
export async function createViewer(prisma: ScriptPrisma, email: string, role: 'EDITOR' | 'ADMIN' = 'EDITOR'): Promise<Viewer> {
  const { getSessionViewer } = await import('@/lib/data/auth');
  const user = await prisma.user.create({ data: { email, name: email, role } });
  const viewer = await getSessionViewer(user.id, user.sessionVersion);
  if (!viewer) throw new Error(`no viewer for ${email}`);
  return viewer;
}
