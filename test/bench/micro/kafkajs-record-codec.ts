/**
 * kafkajs' own record codec, typed for the micro-benchmarks: what a producer runs per record
 * (encode) and what a consumer runs per record of a fetched batch (decode). kafkajs ships no
 * typings for these internals.
 */
import type { KafkaMessage } from 'kafkajs';

/* eslint-disable @typescript-eslint/no-require-imports */
export const encodeRecord = require('kafkajs/src/protocol/recordBatch/record/v0') as (record: {
  offsetDelta: number;
  timestampDelta: number;
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}) => { buffer: Buffer };

export interface RecordDecoder {
  readVarInt(): number;
}

export const decodeRecord = require('kafkajs/src/protocol/recordBatch/record/v0/decoder') as (
  decoder: RecordDecoder,
  batch: Record<string, unknown>,
) => KafkaMessage;

export const Decoder = require('kafkajs/src/protocol/decoder') as new (buffer: Buffer) => RecordDecoder;
/* eslint-enable @typescript-eslint/no-require-imports */

/** The batch context kafkajs hands the record decoder for an ordinary (non-control) batch at offset 0. */
export const PLAIN_BATCH = {
  firstOffset: '0',
  firstTimestamp: '0',
  magicByte: 2,
  isControlBatch: false,
  isTransactional: false,
};
