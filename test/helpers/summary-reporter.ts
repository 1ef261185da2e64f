/**
 * node:test reporter that prints the suite's last line: `N passed, N failed` (skipped tests are
 * counted on the line before, with their reasons listed, so none is skipped silently).
 */
import type { TestEvent } from 'node:test/reporters';

export default async function* summary(source: AsyncIterable<TestEvent>): AsyncGenerator<string> {
  let passed = 0;
  let failed = 0;
  const skipped: string[] = [];
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const data = event.data as { name: string; skip?: string | boolean; details: { type?: string } };
    if (data.details.type === 'suite') continue;
    if (event.type === 'test:fail') failed++;
    else if (data.skip !== undefined && data.skip !== false) skipped.push(`${data.name}: ${data.skip}`);
    else passed++;
  }
  if (skipped.length > 0)
    yield `\n${skipped.length} skipped:\n${skipped.map((s) => `  - ${s}`).join('\n')}\n`;
  yield `\n${passed} passed, ${failed} failed\n`;
}
