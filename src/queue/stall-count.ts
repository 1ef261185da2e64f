/**
 * A job's stall count, cleared when the job makes progress.
 *
 * BullMQ fails a job whose worker died (its lock expired) more than MAX_STALLED_COUNT times: a
 * page that crashes every worker that takes it must not loop through the fleet forever. The count
 * lives in the job's hash (field `stc`, read back as `job.stalledCounter`) and only ever grows, so
 * for a job that runs long and checkpoints as it goes (the season job, one schedule page at a
 * time) it also counts pods lost to drains, crashes and restarts over the job's whole life, though
 * every run got further than the last. A job that stored a page since its last stall is not the
 * one taking workers down: it clears its count, and MAX_STALLED_COUNT then means "died this many
 * times in a row without getting anywhere".
 *
 * The field is BullMQ's (6.x, commands/moveStalledJobsToWait); test/integration/pipeline/
 * season-job.stalls.test.ts fails if a BullMQ upgrade renames it.
 */
import type { Job, Queue } from 'bullmq';

/** Sets `stc` to 0 if the job still exists: a removed job must not come back as a stub hash (its id would then be taken). */
const CLEAR = {
  numberOfKeys: 1,
  lua: "if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('HSET', KEYS[1], 'stc', 0) end return -1",
};
const COMMAND = 'nbaClearStallCount';
const defined = new WeakSet<object>();

/** Clears the stall count of `job` (call it after a checkpoint: the job made progress). */
export async function clearStallCount(queue: Queue, job: Job): Promise<void> {
  if (job.id === undefined || job.stalledCounter === 0) return;
  const client = await queue.getBackend().client;
  if (!defined.has(client)) {
    client.defineCommand(COMMAND, CLEAR);
    defined.add(client);
  }
  await client.runCommand(COMMAND, [queue.toKey(job.id)]);
  job.stalledCounter = 0;
}
