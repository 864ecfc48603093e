import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createListenerSet, type EphemeralNotice, type Hub, type HubListener, type HubNotice } from './hub.ts';

export interface RedisHubOptions {
  url: string;
  /** Put before every channel name, so several deployments (or test runs) can share one Redis. */
  keyPrefix: string;
  onError?: (error: unknown) => void;
  /** Called when the subscription is back after an outage: notices published meanwhile were missed. */
  onMissedNotices?: () => void;
}

interface Envelope {
  origin: string;
  notice: HubNotice;
}

/**
 * The hub shared by several api processes over Redis pub/sub. A notice reaches this process's own
 * listeners at once (Redis down or not), and the other processes through Redis; each process ignores
 * the copy of its own notices that Redis sends back. Redis keeps nothing: a process that misses a
 * notice (Redis was away) catches up from Postgres by seq.
 */
export function createRedisHub(options: RedisHubOptions): Hub & { ready(): Promise<void> } {
  const origin = randomUUID();
  const onError = options.onError ?? (() => {});
  // No offline queue: while Redis is away a publish fails at once instead of piling up in memory.
  const publisher = new Redis(options.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
  const subscriber = new Redis(options.url, { maxRetriesPerRequest: null, lazyConnect: true });
  publisher.on('error', onError);
  subscriber.on('error', onError);
  const listeners = new Map<string, Set<HubListener>>();
  const channelOf = (topic: string) => `${options.keyPrefix}hub:${topic}`;
  const topicOf = (channel: string) => channel.slice(`${options.keyPrefix}hub:`.length);
  // Ephemeral notices (typing, read receipts, viewers) on channels of their own: `<prefix>hub-ephemeral:<topic>`.
  const ephemeralPrefix = `${options.keyPrefix}hub-ephemeral:`;
  const ephemeral = createListenerSet<EphemeralNotice>({
    first: (topic) => subscriber.subscribe(ephemeralPrefix + topic).catch(onError),
    last: (topic) => subscriber.unsubscribe(ephemeralPrefix + topic).catch(onError),
  });

  const deliver = (topic: string, notice: HubNotice) => {
    for (const listener of listeners.get(topic) ?? []) listener(notice);
  };

  subscriber.on('message', (channel: string, message: string) => {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message) as Envelope;
    } catch (error) {
      onError(error);
      return;
    }
    if (envelope.origin === origin) return;
    if (channel.startsWith(ephemeralPrefix))
      ephemeral.deliver(channel.slice(ephemeralPrefix.length), envelope.notice as unknown as EphemeralNotice);
    else deliver(topicOf(channel), envelope.notice);
  });

  let hasBeenReady = false;
  let wasLost = false;
  subscriber.on('ready', () => {
    if (hasBeenReady && wasLost) options.onMissedNotices?.();
    hasBeenReady = true;
    wasLost = false;
  });
  subscriber.on('close', () => {
    if (hasBeenReady) wasLost = true;
  });

  return {
    async ready() {
      await Promise.all([publisher.connect(), subscriber.connect()]);
    },
    publish(topic, notice) {
      deliver(topic, notice);
      const envelope: Envelope = { origin, notice };
      publisher.publish(channelOf(topic), JSON.stringify(envelope)).catch(onError);
    },
    publishEphemeral(topic, notice) {
      ephemeral.deliver(topic, notice);
      publisher.publish(ephemeralPrefix + topic, JSON.stringify({ origin, notice })).catch(onError);
    },
    subscribeEphemeral: (topic, listener) => ephemeral.add(topic, listener),
    subscribe(topic, listener) {
      let set = listeners.get(topic);
      if (!set) {
        set = new Set();
        listeners.set(topic, set);
        subscriber.subscribe(channelOf(topic)).catch(onError);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size > 0 || listeners.get(topic) !== set) return;
        listeners.delete(topic);
        subscriber.unsubscribe(channelOf(topic)).catch(onError);
      };
    },
    async close() {
      listeners.clear();
      ephemeral.clear();
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
