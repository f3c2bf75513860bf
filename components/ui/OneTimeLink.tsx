export function OneTimeLink({ href, label }: { href: string; label: string }) {
  return (
    <p className="mt-2 text-sm">
      <label className="flex flex-col gap-1">
        <span className="font-medium">{label}</span>
        <input readOnly value={href} className="w-full rounded border border-stone-400 bg-stone-50 px-2 py-1 font-mono text-xs dark:bg-stone-800" />
      </label>
    </p>
  );
}
