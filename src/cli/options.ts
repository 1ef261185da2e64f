/** Option parsers for commander that throw UsageError, so bad flags exit 2 with one clear line. */
import { UsageError } from '../errors/usage-error.ts';

export function positiveInt(flag: string, max = 10_000): (raw: string) => number {
  return (raw) => {
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
      throw new UsageError(`${flag} must be a whole number from 1 to ${max}, got "${raw}"`);
    }
    return Number(raw);
  };
}

export function port(flag: string): (raw: string) => number {
  return (raw) => {
    if (!/^\d+$/.test(raw) || Number(raw) > 65_535)
      throw new UsageError(`${flag} must be a port number (0-65535), got "${raw}"`);
    return Number(raw);
  };
}

export function oneOf<const T extends string>(flag: string, ...values: T[]): (raw: string) => T {
  return (raw) => {
    if (!(values as string[]).includes(raw))
      throw new UsageError(`${flag} must be one of ${values.join(', ')}, got "${raw}"`);
    return raw as T;
  };
}
