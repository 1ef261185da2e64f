/**
 * What every command shares: the configuration (read once, flags override it), a logger on
 * stderr (stdout is the command's output), and opening Redis/queue/store with one clear error
 * when they are unreachable.
 */
import type { Queue } from 'bullmq';
import { type Config, getConfig } from '../config.ts';
import { createLogger, type Logger } from '../log/logger.ts';
import { openQueue } from '../queue/queues.ts';
import { connectForCommand, type RedisClient, redisTargetOf } from '../redis/connection.ts';
import { DEFAULT_SOURCE } from '../sources/registry.ts';

export interface CommandRuntime {
  config: Config;
  logger: Logger;
}

export function runtime(overrides: Partial<Config> = {}): CommandRuntime {
  const config = Object.freeze({ ...getConfig(), ...overrides }) as Config;
  const logger = createLogger({
    level: config.logLevel === 'info' ? 'warn' : config.logLevel,
    destination: process.stderr,
  });
  return { config, logger };
}

/** Opens the source's queue on a checked Redis connection, runs `fn`, closes everything. */
export async function withQueue<T>(
  rt: CommandRuntime,
  fn: (queue: Queue, redis: RedisClient) => Promise<T>,
): Promise<T> {
  const redis = await connectForCommand(redisTargetOf(rt.config));
  redis.on('error', (err) => rt.logger.warn({ err }, 'redis connection error'));
  const queue = openQueue(redis, rt.config, DEFAULT_SOURCE.id);
  try {
    return await fn(queue, redis);
  } finally {
    await queue.close().catch(() => {});
    await redis.quit().catch(() => redis.disconnect());
  }
}

export function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}
