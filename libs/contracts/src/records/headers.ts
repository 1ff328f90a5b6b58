import type { IHeaders } from 'kafkajs';

/** Reads one Kafka header as a string; kafkajs delivers header values as Buffers. */
export function headerString(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

/** Thrown when a record cannot be decoded. The consumer parks it in the DLQ and moves on. */
export class PoisonRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PoisonRecordError';
  }
}

export function requireHeader(headers: IHeaders | undefined, name: string): string {
  const value = headerString(headers, name);
  if (value === undefined || value === '') throw new PoisonRecordError(`missing header "${name}"`);
  return value;
}

export function requireIntHeader(headers: IHeaders | undefined, name: string): number {
  const value = Number(requireHeader(headers, name));
  if (!Number.isSafeInteger(value)) throw new PoisonRecordError(`header "${name}" is not an integer`);
  return value;
}
