/**
 * The built page's Content-Security-Policy (index.html): only its own files, and no eval, so text from a
 * link or a paste can never become script. Checked on the page as served (Playwright's own evaluate runs
 * outside the page's CSP, so an eval attempt from the test would prove nothing).
 */
import { test, expect } from './fixtures.ts';

test("the page's CSP allows only its own scripts and no eval", async ({ playground, page }) => {
  await playground.open();
  const csp =
    (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(csp).not.toContain('unsafe-eval');
});
