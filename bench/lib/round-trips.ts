/**
 * Counts the Redis round trips this process makes, by command, on every ioredis connection: a
 * command sent on its own is one round trip, a pipeline or MULTI (however many commands) is one.
 * EVALSHA calls are named by their script (BullMQ's `moveToFinished`, ...), read from the
 * connection's defined commands. Installed by patching ioredis's `Redis.prototype.sendCommand`.
 */
import { Redis } from 'ioredis';

interface Command {
  name: string;
  args: unknown[];
}

const counts = new Map<string, number>();
const pipelines = new WeakSet<object>();
const scriptNames = new Map<string, string>();
let installed = false;

function nameOf(redis: unknown, cmd: Command): string {
  if (cmd.name !== 'evalsha') return cmd.name;
  const sha = String(cmd.args[0]);
  let name = scriptNames.get(sha);
  if (name === undefined) {
    const set = (redis as { scriptsSet?: Record<string, { sha: string }> }).scriptsSet ?? {};
    for (const [n, s] of Object.entries(set)) scriptNames.set(s.sha, n);
    name = scriptNames.get(sha) ?? 'evalsha';
  }
  return `${name}`;
}

export function installRoundTripCounter(): void {
  if (installed) return;
  installed = true;
  const proto = Redis.prototype as unknown as {
    sendCommand(this: unknown, command: Command, stream?: object): unknown;
  };
  const original = proto.sendCommand;
  proto.sendCommand = function (this: unknown, command: Command, stream?: object) {
    if (stream === undefined) {
      const key = nameOf(this, command);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    } else if (!pipelines.has(stream)) {
      pipelines.add(stream);
      counts.set('(pipeline)', (counts.get('(pipeline)') ?? 0) + 1);
    }
    return original.call(this, command, stream);
  };
}

/** Round trips so far, by command or script name. */
export function roundTrips(): Map<string, number> {
  return new Map(counts);
}

export function roundTripDelta(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of after) {
    const d = v - (before.get(k) ?? 0);
    if (d > 0) out.set(k, d);
  }
  return out;
}
