import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig, SETTINGS } from '../../src/config.ts';
import { ConfigError } from '../../src/errors/config-error.ts';

test('defaults apply when nothing is set, and the result is frozen', () => {
  const c = loadConfig({});
  assert.equal(c.storeUrl, 'file://./data');
  assert.equal(c.redisUrl, null);
  assert.equal(c.workerConcurrency, 4);
  assert.equal(Object.isFrozen(c), true);
});

test('values are parsed by type', () => {
  const c = loadConfig({
    WORKER_CONCURRENCY: '12',
    REDIS_URL: 'redis://:pw@10.0.0.1:6380/2',
    LOG_LEVEL: 'debug',
  });
  assert.equal(c.workerConcurrency, 12);
  assert.equal(c.redisUrl, 'redis://:pw@10.0.0.1:6380/2');
  assert.equal(c.logLevel, 'debug');
});

test('every problem is listed in one ConfigError', () => {
  assert.throws(
    () => loadConfig({ WORKER_CONCURRENCY: 'many', STORE_URL: 'mysql://x', LOG_LEVEL: 'loud' }),
    (err: unknown) =>
      err instanceof ConfigError &&
      err.code === 'ERR_CONFIG' &&
      err.message.includes('WORKER_CONCURRENCY: expected an integer, got "many"') &&
      err.message.includes('STORE_URL: expected a URL starting with postgres: or postgresql:') &&
      err.message.includes('LOG_LEVEL: expected one of'),
  );
});

test('every setting has a distinct environment variable and a doc line', () => {
  const envs = Object.values(SETTINGS).map((s) => s.env);
  assert.equal(new Set(envs).size, envs.length);
  for (const s of Object.values(SETTINGS)) assert.ok(s.doc.length > 10, `${s.env} has no doc`);
});
