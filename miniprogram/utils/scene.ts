/**
 * The id a page was opened with: `?id=…` from a link or a share, or the `scene` of a mini program
 * code on a printed notice (`wxacode.getUnlimited` with scene `id=<decisionId>`), which WeChat
 * hands to the page URL-encoded as `query.scene`.
 */
export function idFromQuery(query: Record<string, string | undefined>): string {
  if (query.id) return decodeURIComponent(query.id);
  if (!query.scene) return '';
  const scene = decodeURIComponent(query.scene);
  for (const pair of scene.split('&')) {
    const [key, value] = pair.split('=');
    if (key === 'id' && value) return value;
  }
  return '';
}
