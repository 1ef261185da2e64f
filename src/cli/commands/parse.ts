import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { UsageError } from '../../errors/usage-error.ts';
import { parsePage } from '../../sources/basketball-reference/index.ts';
import { PAGE_KINDS, type PageKind } from '../../sources/source.ts';
import { oneOf } from '../options.ts';
import { print } from '../runtime.ts';

export function registerParse(program: Command): void {
  program
    .command('parse')
    .description(
      'parse a saved page and print its records as JSON (the tool to reach for when the site changes)',
    )
    .argument('<file>', 'an HTML page saved from the source site')
    .option(
      '-k, --kind <kind>',
      `${PAGE_KINDS.join(', ')} (default: guessed from the page)`,
      oneOf('--kind', ...PAGE_KINDS),
    )
    .action(async (file: string, opts: { kind?: PageKind }) => {
      let html: string;
      try {
        html = await readFile(file, 'utf8');
      } catch (err) {
        throw new UsageError(
          `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
        );
      }
      print(JSON.stringify(parsePage(html, opts.kind), null, 2));
    });
}
