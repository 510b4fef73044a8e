// Runs after every mini program test (jest.config.js setupFilesAfterEnv): a sweep over whatever
// pages and components the test rendered, so no page shows a date the way it is stored.
const STORED_INSTANT = /\d{4}-\d{2}-\d{2}(?:T|\s+)\d{2}:\d{2}/;
const STORED_DAY = /(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])/;

/** Text a person reads in what the test rendered, with the elements and what they say. */
function readableTexts(): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').trim();
    if (text) out.push(text);
  }
  return out;
}

afterEach(() => {
  const raw = readableTexts().filter((t) => STORED_INSTANT.test(t) || STORED_DAY.test(t));
  // Cleared here so one test's pages are not blamed on the next test.
  document.body.innerHTML = '';
  if (raw.length > 0) {
    throw new Error(
      `a page shows a date as stored (write it with utils/format.ts formatDate/formatDateTime): ${raw.join(' | ')}`,
    );
  }
});
