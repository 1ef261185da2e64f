/**
 * Loads a module of the local harness (src/local/: replay site, demo) for the commands that use
 * it. The image and the npm package ship production code only (package.json "files"), so there
 * the harness is absent: that is one clear error, not a stack trace.
 */
import { UsageError } from '../errors/usage-error.ts';

export async function loadHarness<T>(command: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if ((err as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw err;
    throw new UsageError(
      `\`${command}\` needs the local harness, which this install does not ship (the image and the package hold production code only); run it from a checkout: npm run demo`,
    );
  }
}
