'use client';

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main id="main" role="alert" style={{ maxWidth: '36rem', margin: '4rem auto', fontFamily: 'system-ui, sans-serif', padding: '0 1rem' }}>
          <h1>Something went wrong</h1>
          <p>The site could not be shown just now. Please try again in a moment.</p>
          <button type="button" onClick={reset}>Try again</button>
        </main>
      </body>
    </html>
  );
}
