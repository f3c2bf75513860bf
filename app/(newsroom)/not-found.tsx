import Link from 'next/link';

export default function NewsroomNotFound() {
  return (
    <div className="py-12">
      <h1 className="font-serif text-2xl font-bold">Not found</h1>
      <p className="mt-2">This page does not exist, or your account cannot open it.</p>
      <p className="mt-4"><Link href="/editor" className="underline">Back to the newsroom</Link></p>
    </div>
  );
}
