'use client';

import { useActionState } from 'react';
import { createPreviewLinkAction, revokePreviewLinkAction } from '@/lib/actions/article-panel-actions';
import { initialFormState } from '@/lib/actions/form-state';
import type { PreviewLinkDto } from '@/lib/data/article-preview';
import { Field } from '@/components/ui/Field';
import { FormMessage } from '@/components/ui/FormMessage';
import { OneTimeLink } from '@/components/ui/OneTimeLink';
import { SubmitButton } from '@/components/ui/SubmitButton';

const when = (iso: string) => new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });

function linkState(link: PreviewLinkDto): string {
  if (link.revokedAt) return `revoked ${when(link.revokedAt)}`;
  if (new Date(link.expiresAt) <= new Date()) return `expired ${when(link.expiresAt)}`;
  return `works until ${when(link.expiresAt)}`;
}

function RevokeButton({ articleId, linkId }: { articleId: string; linkId: string }) {
  const [state, action] = useActionState(revokePreviewLinkAction, initialFormState);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="linkId" value={linkId} />
      <button type="submit" className="text-sm underline">Revoke</button>
      {state.status === 'error' ? <span role="alert" className="ml-2 text-sm text-red-800">{state.message}</span> : null}
    </form>
  );
}

/** Private preview links for people without an account: expiring, revocable, their use logged. */
export function SharePreviewPanel({ articleId, links }: { articleId: string; links: PreviewLinkDto[] }) {
  const [state, action] = useActionState(createPreviewLinkAction, initialFormState);
  return (
    <section aria-labelledby="share-preview-heading" className="flex flex-col gap-3">
      <h2 id="share-preview-heading" className="text-xl font-semibold">Share preview</h2>
      <form action={action} className="flex flex-col gap-3">
        <FormMessage state={state} />
        {state.link ? <OneTimeLink href={state.link} label="Preview link" /> : null}
        <input type="hidden" name="articleId" value={articleId} />
        <Field label="Link works for (days)" name="days" type="number" min={1} max={30} required defaultValue={state.values?.days ?? '7'} errors={state.errors?.days} />
        <SubmitButton pendingText="Creating…">Share preview</SubmitButton>
      </form>
      {links.length > 0 ? (
        <ul aria-label="Preview links" className="space-y-1 text-sm">
          {links.map((link) => {
            const active = !link.revokedAt && new Date(link.expiresAt) > new Date();
            return (
              <li key={link.id} className="flex flex-wrap items-center gap-2">
                <span>
                  Link by {link.createdBy ?? 'an operator'} on {when(link.createdAt)}, {linkState(link)}; opened {link.useCount} {link.useCount === 1 ? 'time' : 'times'}
                  {link.lastUsedAt ? `, last ${when(link.lastUsedAt)}` : ''}.
                </span>
                {active ? <RevokeButton articleId={articleId} linkId={link.id} /> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
