// PATCHED by webhook-platform (patches/README.md): an uncompressed request is encoded in one pass.
const Long = require('../../../../utils/long')
const Encoder = require('../../../encoder')
const { Produce: apiKey } = require('../../apiKeys')
const { Types } = require('../../../message/compression')
const Record = require('../../../recordBatch/record/v0')
const { RecordBatch, MAGIC_BYTE } = require('../../../recordBatch/v0')
const crc32C = require('../../../recordBatch/crc32C')

/**
 * Produce Request (Version: 3) => transactional_id acks timeout [topic_data]
 *   transactional_id => NULLABLE_STRING
 *   acks => INT16
 *   timeout => INT32
 *   topic_data => topic [data]
 *     topic => STRING
 *     data => partition record_set
 *       partition => INT32
 *       record_set => RECORDS
 */

/**
 * @param [transactionalId=null] {String} The transactional id or null if the producer is not transactional
 * @param acks {Integer} See producer request v0
 * @param timeout {Integer} See producer request v0
 * @param [compression=CompressionTypes.None] {CompressionTypes}
 * @param topicData {Array}
 */
module.exports = ({
  acks,
  timeout,
  transactionalId = null,
  producerId = Long.fromInt(-1),
  producerEpoch = 0,
  compression = Types.None,
  topicData,
}) => ({
  apiKey,
  apiVersion: 3,
  apiName: 'Produce',
  expectResponse: () => acks !== 0,
  encode: async () => {
    // PATCHED by webhook-platform: see encodeUncompressed.
    if (compression === Types.None) {
      return encodeUncompressed({ acks, timeout, transactionalId, producerId, producerEpoch, topicData })
    }
    const encodeTopic = topicEncoder(compression)
    const encodedTopicData = []

    for (const data of topicData) {
      encodedTopicData.push(
        await encodeTopic({ ...data, transactionalId, producerId, producerEpoch })
      )
    }

    return new Encoder()
      .writeString(transactionalId)
      .writeInt16(acks)
      .writeInt32(timeout)
      .writeArray(encodedTopicData)
  },
})

const topicEncoder = compression => async ({
  topic,
  partitions,
  transactionalId,
  producerId,
  producerEpoch,
}) => {
  const encodePartitions = partitionsEncoder(compression)
  const encodedPartitions = []

  for (const data of partitions) {
    encodedPartitions.push(
      await encodePartitions({ ...data, transactionalId, producerId, producerEpoch })
    )
  }

  return new Encoder().writeString(topic).writeArray(encodedPartitions)
}

const partitionsEncoder = compression => async ({
  partition,
  messages,
  transactionalId,
  firstSequence,
  producerId,
  producerEpoch,
}) => {
  const { dateNow, firstTimestamp, maxTimestamp } = batchTimestamps(messages) // PATCHED: shared below

  const records = messages.map((message, i) =>
    Record({
      ...message,
      offsetDelta: i,
      timestampDelta: (message.timestamp || dateNow) - firstTimestamp,
    })
  )

  const recordBatch = await RecordBatch({
    compression,
    records,
    firstTimestamp,
    maxTimestamp,
    producerId,
    producerEpoch,
    firstSequence,
    transactional: !!transactionalId,
    lastOffsetDelta: records.length - 1,
  })

  return new Encoder()
    .writeInt32(partition)
    .writeInt32(recordBatch.size())
    .writeEncoder(recordBatch)
}

/*
 * PATCHED by webhook-platform (patches/README.md): an uncompressed request is written in one pass
 * into one buffer of the exact size. The code above builds an Encoder per header, per record, per
 * record batch (three nested), per partition and per topic, and copies each into the next (growing
 * each by doubling), so every payload byte was copied about a dozen times and every record cost
 * BigInt arithmetic for its timestamp varlong: 17 µs of CPU per 1.3 KB task record in a
 * 170-record request (test/bench/micro/produce-request.ts). The bytes are the same, field by field
 * and in the same order as Record (recordBatch/record/v0), RecordBatch (recordBatch/v0) and the
 * encoders above write them; libs/kafka/src/kafkajs-produce-request.spec.ts compares the two.
 */

const TRANSACTIONAL_MASK = 16 // RecordBatch attributes: the fifth lowest bit
/** RecordBatch fields from attributes to firstSequence, plus the records array's int32 length. */
const BATCH_BODY_HEADER_SIZE = 2 + 4 + 8 + 8 + 8 + 2 + 4 + 4
/** RecordBatch fields before its body: partitionLeaderEpoch, magic, crc. */
const BATCH_HEADER_SIZE = 4 + 1 + 4
/** Before a batch: the partition, the record set's size, the batch's firstOffset and length. */
const PARTITION_HEADER_SIZE = 4 + 4 + 8 + 4

/** A record's headers as Record lists them: one entry per value, an array header once per element. */
const headerList = (headers = {}) =>
  Object.keys(headers).flatMap(key =>
    !Array.isArray(headers[key])
      ? [{ key, value: headers[key] }]
      : headers[key].map(value => ({ key, value }))
  )

const sizeOfHeaders = headers => {
  let size = Encoder.sizeOfVarInt(headers.length)
  for (const header of headers) {
    const keySize = Buffer.byteLength(header.key)
    const valueSize = Buffer.byteLength(header.value)
    size += Encoder.sizeOfVarInt(keySize) + keySize
    size += header.value === null ? Encoder.sizeOfVarInt(-1) : Encoder.sizeOfVarInt(valueSize) + valueSize
  }
  return size
}

/**
 * A batch's first and max timestamps as upstream derives them (the messages' own, sorted as
 * strings, or now), and the `now` that stands in for a message without one.
 */
function batchTimestamps(messages) {
  const dateNow = Date.now()
  const messageTimestamps = messages
    .map(m => m.timestamp)
    .filter(timestamp => timestamp != null)
    .sort()
  const timestamps = messageTimestamps.length === 0 ? [dateNow] : messageTimestamps
  return { dateNow, firstTimestamp: timestamps[0], maxTimestamp: timestamps[timestamps.length - 1] }
}

/** One partition's records with their timestamps and sizes, as partitionsEncoder derives them. */
const planBatch = messages => {
  const { dateNow, firstTimestamp, maxTimestamp } = batchTimestamps(messages)
  const records = new Array(messages.length)
  let recordsSize = 0
  for (let i = 0; i < messages.length; i++) {
    const { key, value, headers, timestamp } = messages[i]
    const timestampDelta = (timestamp || dateNow) - firstTimestamp
    const headerEntries = headerList(headers)
    const bodySize =
      1 +
      Encoder.sizeOfVarLong(timestampDelta) +
      Encoder.sizeOfVarInt(i) +
      Encoder.sizeOfVarIntBytes(key) +
      Encoder.sizeOfVarIntBytes(value) +
      sizeOfHeaders(headerEntries)
    records[i] = { key, value, timestampDelta, headerEntries, bodySize }
    recordsSize += Encoder.sizeOfVarInt(bodySize) + bodySize
  }
  return { firstTimestamp, maxTimestamp, records, recordsSize }
}

const sizeOfString = value => 2 + (value == null ? 0 : Buffer.byteLength(value, 'utf8'))

const encodeUncompressed = ({ acks, timeout, transactionalId, producerId, producerEpoch, topicData }) => {
  const attributes = transactionalId ? TRANSACTIONAL_MASK : 0
  let size = sizeOfString(transactionalId) + 2 + 4 + 4
  const plans = topicData.map(({ topic, partitions }) => {
    size += sizeOfString(topic) + 4
    return partitions.map(data => {
      const plan = planBatch(data.messages)
      size += PARTITION_HEADER_SIZE + BATCH_HEADER_SIZE + BATCH_BODY_HEADER_SIZE + plan.recordsSize
      return plan
    })
  })

  const encoder = new Encoder(size)
  encoder
    .writeString(transactionalId)
    .writeInt16(acks)
    .writeInt32(timeout)
    .writeInt32(topicData.length)
  topicData.forEach(({ topic, partitions }, t) => {
    encoder.writeString(topic).writeInt32(partitions.length)
    partitions.forEach(({ partition, firstSequence }, p) => {
      const { firstTimestamp, maxTimestamp, records, recordsSize } = plans[t][p]
      const batchSize = BATCH_HEADER_SIZE + BATCH_BODY_HEADER_SIZE + recordsSize
      encoder
        .writeInt32(partition)
        .writeInt32(8 + 4 + batchSize) // the record set: firstOffset, length, batch
        .writeInt64(0) // firstOffset
        .writeInt32(batchSize)
        .writeInt32(0) // partitionLeaderEpoch
        .writeInt8(MAGIC_BYTE)
      const crcAt = encoder.offset
      encoder.writeUInt32(0) // the CRC, once the body is written
      const bodyAt = encoder.offset
      encoder
        .writeInt16(attributes)
        .writeInt32(records.length - 1) // lastOffsetDelta
        .writeInt64(firstTimestamp)
        .writeInt64(maxTimestamp)
        .writeInt64(producerId)
        .writeInt16(producerEpoch)
        .writeInt32(firstSequence)
        .writeInt32(records.length)
      for (let i = 0; i < records.length; i++) {
        const { key, value, timestampDelta, headerEntries, bodySize } = records[i]
        encoder
          .writeVarInt(bodySize)
          .writeInt8(0) // record attributes: unused
          .writeVarLong(timestampDelta)
          .writeVarInt(i) // offsetDelta
          .writeVarIntBytes(key)
          .writeVarIntBytes(value)
          .writeVarInt(headerEntries.length)
        for (const header of headerEntries) encoder.writeVarIntString(header.key).writeVarIntBytes(header.value)
      }
      encoder.buf.writeUInt32BE(crc32C(encoder.buf.subarray(bodyAt, encoder.offset)), crcAt)
    })
  })
  return encoder
}
