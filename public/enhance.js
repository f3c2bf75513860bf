// Reading pages ship no framework JavaScript (scripts/reading-pages.mjs); this is all they run.
// "How to cite": a Copy button per style, shown only where copying can work (components/site/HowToCite.tsx).
(() => {
  if (!navigator.clipboard) return;

  async function writeToClipboard(text, html) {
    if (html && typeof ClipboardItem !== 'undefined') {
      // Rich text keeps the style's italics when pasted into a word processor; plain text goes everywhere else.
      const item = new ClipboardItem({
        'text/plain': new Blob([text], { type: 'text/plain' }),
        'text/html': new Blob([html], { type: 'text/html' }),
      });
      try {
        await navigator.clipboard.write([item]);
        return;
      } catch {
        // Some browsers refuse rich clipboard items; plain text is still worth trying.
      }
    }
    await navigator.clipboard.writeText(text);
  }

  const buttons = [...document.querySelectorAll('button[data-copy-citation]')];
  const status = document.querySelector('[data-copy-status]');
  const say = (message) => {
    if (status) status.textContent = message;
  };

  for (const button of buttons) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      const { copyCitation, citationLabel, citationText, citationHtml } = button.dataset;
      for (const other of buttons) other.querySelector('[data-copy-label]').textContent = 'Copy';
      try {
        await writeToClipboard(citationText, citationHtml);
        button.querySelector('[data-copy-label]').textContent = 'Copied';
        say(`${citationLabel} citation copied to the clipboard.`);
      } catch {
        const element = document.getElementById(copyCitation);
        if (element) window.getSelection()?.selectAllChildren(element);
        say(`Copying is blocked here. The ${citationLabel} citation is selected: press Ctrl+C (⌘C on a Mac) to copy it.`);
      }
    });
  }
})();
