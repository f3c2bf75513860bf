'use client';

import { useActionState, useId, useRef, useState, type ChangeEvent } from 'react';
import { initialFormState, type FormState } from '@/lib/actions/form-state';
import { importLegacyDocumentAction } from '@/lib/actions/import-actions';
import { decodeLegacyFile } from '@/lib/content/legacy-document';
import { FormMessage } from '@/components/ui/FormMessage';
import { SubmitButton } from '@/components/ui/SubmitButton';

/** Paste a legacy document, or load one from a file into the text box, and import it as a draft. */
export function ImportForm() {
  const [state, action] = useActionState(importLegacyDocumentAction, initialFormState);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const documentRef = useRef<HTMLTextAreaElement>(null);
  const documentId = useId();
  const fileId = useId();
  const shown: FormState = fileProblem ? { status: 'error', message: fileProblem } : state;

  async function loadFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file || !documentRef.current) return;
    const decoded = decodeLegacyFile(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) {
      setFileProblem(`${file.name}: ${decoded.reason}`);
      return;
    }
    documentRef.current.value = decoded.text;
    setFileProblem(null);
  }

  return (
    <form action={action} onSubmit={() => setFileProblem(null)} className="space-y-4">
      <FormMessage state={shown} />
      <div className="flex flex-col gap-1">
        <label htmlFor={fileId} className="text-sm font-medium">Document file</label>
        <p id={`${fileId}-hint`} className="text-xs text-stone-600 dark:text-stone-400">A .txt or .md file of at most 1 MB; its text is put into the box below.</p>
        {/* No name: the file is read here into the text box, and only the text is sent. */}
        <input id={fileId} type="file" accept=".txt,.md,.markdown,text/plain,text/markdown" aria-describedby={`${fileId}-hint`} onChange={loadFile} className="text-sm" />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={documentId} className="text-sm font-medium">Legacy document</label>
        <p id={`${documentId}-hint`} className="text-xs text-stone-600 dark:text-stone-400">
          A date line (DD.MM.YY), a &ldquo;## TITLE&rdquo; heading, the bold lead, the body, the &ldquo;Original publication&rdquo; and
          &ldquo;Source&rdquo; lines, then an AUTHOR block for each author.
        </p>
        <textarea
          ref={documentRef}
          id={documentId}
          name="document"
          rows={20}
          spellCheck={false}
          defaultValue={state.values?.document}
          aria-describedby={`${documentId}-hint`}
          aria-invalid={state.status === 'error' ? true : undefined}
          className="rounded border border-stone-400 bg-white px-3 py-2 font-mono text-sm text-ink aria-invalid:border-red-700 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100"
        />
      </div>
      <SubmitButton pendingText="Importing…">Import</SubmitButton>
    </form>
  );
}
