import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { InviteUserForm } from '@/components/newsroom/InviteUserForm';
import { UserRowActions } from '@/components/newsroom/UserRowActions';
import { DateTime } from '@/components/ui/DateTime';
import { can } from '@/lib/auth/permissions';
import { requireViewer } from '@/lib/auth/session';
import { listAuthorOptions } from '@/lib/data/authors';
import { listUsers } from '@/lib/data/users';

export const metadata: Metadata = { title: 'Users' };

const ROLE_LABELS = { ADMIN: 'Administrator', EDITOR: 'Editor', FELLOW: 'Fellow' } as const;

export default async function UsersPage() {
  const viewer = await requireViewer('/editor/users');
  if (!can(viewer, 'user.list')) notFound();
  const [users, authors] = await Promise.all([listUsers(viewer), listAuthorOptions(viewer)]);
  return (
    <div className="space-y-10">
      <h1 className="font-serif text-3xl font-bold">Users</h1>
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading" className="mb-4 font-serif text-xl font-bold">Invite a user</h2>
        <InviteUserForm authors={authors} />
      </section>
      <section aria-labelledby="users-heading">
        <h2 id="users-heading" className="mb-4 font-serif text-xl font-bold">All users</h2>
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-stone-300 dark:border-stone-700">
              <th scope="col" className="py-2 pr-4">Name</th>
              <th scope="col" className="py-2 pr-4">Role</th>
              <th scope="col" className="py-2 pr-4">Status</th>
              <th scope="col" className="py-2 pr-4">Last sign-in</th>
              <th scope="col" className="py-2">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className="border-b border-stone-200 align-top dark:border-stone-800">
                <td className="py-2 pr-4">
                  <span className="font-medium">{user.name}</span>
                  <br />
                  <span className="text-stone-600 dark:text-stone-400">{user.email}</span>
                  {user.author ? <><br /><span className="text-xs">Profile: {user.author.name}</span></> : null}
                </td>
                <td className="py-2 pr-4">{ROLE_LABELS[user.role]}</td>
                <td className="py-2 pr-4">{user.disabled ? 'Disabled' : 'Active'}</td>
                <td className="py-2 pr-4">{user.lastLoginAt ? <DateTime value={user.lastLoginAt} withTime /> : 'Never'}</td>
                <td className="py-2">{user.id === viewer.id ? <span className="text-stone-600">You</span> : <UserRowActions user={user} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
