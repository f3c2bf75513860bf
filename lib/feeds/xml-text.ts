// Text bound for XML documents (feeds, sitemaps). Stored text may hold characters XML 1.0 forbids (control
// characters, lone surrogates); one of them would make the whole document unreadable to every client.

const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripNonXmlCharacters(text: string): string {
  return text.replace(NOT_XML_CHARACTER, '');
}

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return stripNonXmlCharacters(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Plain text as HTML text, for feed fields that readers interpret as HTML (summaries, Atom titles). */
export function escapeHtmlText(text: string): string {
  return stripNonXmlCharacters(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
