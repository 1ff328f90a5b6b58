// PATCHED by webhook-platform (scripts/patch-dependencies.mjs; see patches/README.md).
// kafkajs 2.2.4's sendMessages loses records when a partition leader moves during a send
// (tulios/kafkajs#1798, open): responses were kept per broker across retries, so after one
// broker's request failed and its partitions moved to a broker that had already answered, the
// retry skipped them and send() resolved without writing them. This version keeps what was
// acknowledged per partition instead, assigns every message to its partition once (a retry
// must not move an unkeyed message to another partition: idempotent sequence numbers are per
// partition), waits for every broker request of an attempt before retrying, and refuses to
// drop a partition that has no leader in the metadata.
const { KafkaJSMetadataNotLoaded } = require('../errors')
const { staleMetadata } = require('../protocol/error')
const groupMessagesPerPartition = require('./groupMessagesPerPartition')
const createTopicData = require('./createTopicData')
const responseSerializer = require('./responseSerializer')

const { keys } = Object

/**
 * @param {Object} options
 * @param {import("../../types").Logger} options.logger
 * @param {import("../../types").Cluster} options.cluster
 * @param {ReturnType<import("../../types").ICustomPartitioner>} options.partitioner
 * @param {import("./eosManager").EosManager} options.eosManager
 * @param {import("../retry").Retrier} options.retrier
 */
module.exports = ({ logger, cluster, partitioner, eosManager, retrier }) => {
  return async ({ acks, timeout, compression, topicMessages }) => {
    /** Messages per partition, per topic: decided once, on the first attempt with metadata. */
    const messagesPerTopic = new Map()
    /** Acknowledged partitions: `${topic}\u0000${partition}` -> serialized response entry. */
    const acknowledged = new Map()
    const ackKey = (topic, partition) => `${topic}\u0000${partition}`

    const assignPartitions = () => {
      for (const { topic, messages } of topicMessages) {
        if (messagesPerTopic.has(topic)) continue
        const partitionMetadata = cluster.findTopicPartitionMetadata(topic)

        if (partitionMetadata.length === 0) {
          logger.debug('Producing to topic without metadata', {
            topic,
            targetTopics: Array.from(cluster.targetTopics),
          })

          throw new KafkaJSMetadataNotLoaded('Producing to topic without metadata')
        }

        messagesPerTopic.set(
          topic,
          groupMessagesPerPartition({ topic, partitionMetadata, messages, partitioner })
        )
      }
    }

    /** One request per leader for every partition not acknowledged yet. */
    const createProducerRequests = async () => {
      await cluster.refreshMetadataIfNecessary()
      assignPartitions()

      /** @type {Map<import("../../types").Broker, any[]>} */
      const topicDataPerBroker = new Map()
      for (const [topic, messagesPerPartition] of messagesPerTopic) {
        const pending = keys(messagesPerPartition).filter(
          partition => !acknowledged.has(ackKey(topic, partition))
        )
        if (pending.length === 0) continue
        const partitionsPerLeader = cluster.findLeaderForPartitions(topic, pending)
        const led = new Set(Object.values(partitionsPerLeader).flat().map(String))
        const leaderless = pending.filter(partition => !led.has(String(partition)))
        if (leaderless.length > 0) {
          throw new KafkaJSMetadataNotLoaded(
            `No leader in the metadata for ${topic} partitions ${leaderless.join(',')}`
          )
        }

        for (const nodeId of keys(partitionsPerLeader)) {
          const broker = await cluster.findBroker({ nodeId })
          const list = topicDataPerBroker.get(broker) || []
          list.push({ topic, partitions: partitionsPerLeader[nodeId], messagesPerPartition })
          topicDataPerBroker.set(broker, list)
        }
      }

      return Array.from(topicDataPerBroker.entries()).map(async ([broker, topicDataForBroker]) => {
        const topicData = createTopicData(topicDataForBroker)

        await eosManager.acquireBrokerLock(broker)
        try {
          if (eosManager.isTransactional()) {
            await eosManager.addPartitionsToTransaction(topicData)
          }

          topicData.forEach(({ topic, partitions }) => {
            partitions.forEach(entry => {
              entry['firstSequence'] = eosManager.getSequence(topic, entry.partition)
              eosManager.updateSequence(topic, entry.partition, entry.messages.length)
            })
          })

          let response
          try {
            response = await broker.produce({
              transactionalId: eosManager.isTransactional()
                ? eosManager.getTransactionalId()
                : undefined,
              producerId: eosManager.getProducerId(),
              producerEpoch: eosManager.getProducerEpoch(),
              acks,
              timeout,
              compression,
              topicData,
            })
          } catch (e) {
            topicData.forEach(({ topic, partitions }) => {
              partitions.forEach(entry => {
                eosManager.updateSequence(topic, entry.partition, -entry.messages.length)
              })
            })
            throw e
          }

          const expectResponse = acks !== 0
          if (expectResponse) {
            for (const entry of responseSerializer(response)) {
              acknowledged.set(ackKey(entry.topicName, entry.partition), entry)
            }
          } else {
            topicData.forEach(({ topic, partitions }) => {
              partitions.forEach(({ partition }) => acknowledged.set(ackKey(topic, partition), null))
            })
          }
        } finally {
          await eosManager.releaseBrokerLock(broker)
        }
      })
    }

    return retrier(async (bail, retryCount, retryTime) => {
      const topics = topicMessages.map(({ topic }) => topic)
      await cluster.addMultipleTargetTopics(topics)

      try {
        const requests = await createProducerRequests()
        // Every request of this attempt settles before the next attempt starts.
        const outcomes = await Promise.allSettled(requests)
        const failed = outcomes.find(outcome => outcome.status === 'rejected')
        if (failed) throw failed.reason
        return Array.from(acknowledged.values()).filter(entry => entry !== null)
      } catch (e) {
        if (e.name === 'KafkaJSConnectionClosedError') {
          cluster.removeBroker({ host: e.host, port: e.port })
        }

        if (!cluster.isConnected()) {
          logger.debug(`Cluster has disconnected, reconnecting: ${e.message}`, {
            retryCount,
            retryTime,
          })
          await cluster.connect()
          await cluster.refreshMetadata()
          throw e
        }

        // This is necessary in case the metadata is stale and the number of partitions
        // for this topic has increased in the meantime
        if (
          staleMetadata(e) ||
          e.name === 'KafkaJSMetadataNotLoaded' ||
          e.name === 'KafkaJSConnectionError' ||
          e.name === 'KafkaJSConnectionClosedError' ||
          (e.name === 'KafkaJSProtocolError' && e.retriable)
        ) {
          logger.error(`Failed to send messages: ${e.message}`, { retryCount, retryTime })
          await cluster.refreshMetadata()
          throw e
        }

        logger.error(`${e.message}`, { retryCount, retryTime })
        if (e.retriable) throw e
        bail(e)
      }
    })
  }
}
