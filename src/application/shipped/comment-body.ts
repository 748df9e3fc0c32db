/**
 * Plain text as an Atlassian Document Format document (https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/):
 * a paragraph per block of lines separated by a blank line, a hard break between the lines of a block. Text is
 * carried as text nodes, never parsed as markup.
 */
export function adfOf(text: string): { type: 'doc'; version: 1; content: unknown[] } {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b !== '');
  const content = blocks.map((block) => ({
    type: 'paragraph',
    content: block.split('\n').flatMap((line, i) => [...(i > 0 ? [{ type: 'hardBreak' }] : []), ...(line === '' ? [] : [{ type: 'text', text: line }])]),
  }));
  return { type: 'doc', version: 1, content };
}

/** How Jira Service Management marks a comment internal through the platform API (DESIGN.md, "Operation shapes"). */
export const INTERNAL_COMMENT = { key: 'sd.public.comment', value: { internal: true } } as const;
