import type { Page } from '@playwright/test';

/** Records every dialog the page opens (and dismisses it): a stored or reflected script would call alert(). */
export function failOnDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

/** React's own stand-in action on a server-action form before hydration; the app's, not a payload's. */
export const REACT_FORM_PLACEHOLDER = "javascript:throw new Error('React";

/**
 * What stored markup would leave in the page, which the app itself never renders: frames, objects, handler
 * attributes, script URLs, inline scripts carrying a payload, and `alsoForbidden` tags (e.g. svg where the page has
 * no icons).
 */
export async function injectedElements(page: Page, alsoForbidden: string[] = []): Promise<string[]> {
  return page.evaluate(
    ({ reactPlaceholder, forbidden }) => {
      const found: string[] = [];
      for (const element of Array.from(document.querySelectorAll('*'))) {
        const name = element.tagName.toLowerCase();
        if (forbidden.includes(name)) found.push(name);
        const text = element.textContent ?? '';
        if (name === 'script' && !element.hasAttribute('src') && /alert|WXSS|cookie/.test(text) && element.getAttribute('type') !== 'application/ld+json' && !/^\s*\(?self\.__next_f/.test(text)) {
          found.push('script with a payload');
        }
        for (const attribute of Array.from(element.attributes)) {
          if (attribute.name.startsWith('on')) found.push(`${name}[${attribute.name}]`);
          const scriptUrl = /^\s*(javascript|vbscript|data:text\/html)/i.test(attribute.value) && !attribute.value.startsWith(reactPlaceholder);
          if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attribute.name) && scriptUrl) found.push(`${name}[${attribute.name}]`);
        }
      }
      return found;
    },
    { reactPlaceholder: REACT_FORM_PLACEHOLDER, forbidden: ['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'xss', 'vulnerable', 'base', ...alsoForbidden] },
  );
}
