#!/usr/bin/env node
/**
 * The `nba-scraper` command. Every failure ends in one line on stderr; bad input of any kind
 * exits 2 (see exit-codes.ts).
 */
import { Command, CommanderError } from 'commander';
import { UsageError } from '../errors/usage-error.ts';
import { packageVersion } from '../package-version.ts';
import { registerDatasetCommands } from './commands/dataset.ts';
import { registerDemo } from './commands/demo.ts';
import { registerEnqueue } from './commands/enqueue.ts';
import { registerExport } from './commands/export.ts';
import { registerExporter } from './commands/exporter.ts';
import { registerOperatorCommands } from './commands/operator.ts';
import { registerParse } from './commands/parse.ts';
import { registerSite } from './commands/site.ts';
import { registerStatus } from './commands/status.ts';
import { registerWorker } from './commands/worker.ts';
import { EXIT_BAD_INPUT, errorLine, exitCodeFor } from './exit-codes.ts';

export function buildProgram(): Command {
  const program = new Command('nba-scraper')
    .description('Distributed, polite, fault-tolerant scraper of NBA seasons (schedules and box scores)')
    .version(packageVersion(), '-V, --version', "print this build's version")
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeErr: () => {} });
  registerDemo(program);
  registerEnqueue(program);
  registerStatus(program);
  registerOperatorCommands(program);
  registerDatasetCommands(program);
  registerWorker(program);
  registerExport(program);
  registerParse(program);
  registerSite(program);
  registerExporter(program);
  for (const cmd of program.commands) cmd.exitOverride().configureOutput({ writeErr: () => {} });
  return program;
}

async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (
        err.code === 'commander.helpDisplayed' ||
        err.code === 'commander.help' ||
        err.code === 'commander.version'
      )
        return;
      const message = err.message.replace(/^error: /, '');
      process.stderr.write(`${errorLine(new UsageError(`${message} (see nba-scraper --help)`))}\n`);
      process.exitCode = EXIT_BAD_INPUT;
      return;
    }
    process.stderr.write(`${errorLine(err)}\n`);
    process.exitCode = exitCodeFor(err);
  }
}

await main(process.argv);
