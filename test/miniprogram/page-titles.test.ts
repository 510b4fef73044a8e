/**
 * The navigation bar already names the page: a big heading right below saying the same again
 * only pushes the content down (one more screen of scrolling at large type).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pageList } from '../../preview/compile/graph';

const ROOT = path.resolve(__dirname, '../../miniprogram');
const app = JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8')) as Record<
  string,
  unknown
>;

function navTitle(page: string): string {
  const json = JSON.parse(fs.readFileSync(path.join(ROOT, `${page}.json`), 'utf8')) as {
    navigationBarTitleText?: string;
  };
  return json.navigationBarTitleText ?? '';
}

/** The literal text of the page's first heading (tt-title), if it is plain text. */
function firstHeading(page: string): string {
  const wxml = fs.readFileSync(path.join(ROOT, `${page}.wxml`), 'utf8');
  return /class="[^"]*\btt-title\b[^"]*"[^>]*>([^<{]*)</.exec(wxml)?.[1]?.trim() ?? '';
}

it.each(pageList(app))('%s does not repeat its navigation title as a heading', (page) => {
  const title = navTitle(page);
  const heading = firstHeading(page);
  if (!title || !heading) return;
  expect(heading).not.toBe(title);
  expect(heading.startsWith(title) || title.startsWith(heading)).toBe(false);
});
