/**
 * One load step: visitors send at an aggregate rate (round robin, open loop: a slow server does not slow the
 * senders), agents answer some messages of their conversations, then the step waits for what is still due.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import {
  createTokenBucket,
  pending,
  type Side,
  StepRecorder,
  sendFromVisitor,
  setBodyChars,
  startRecording,
} from './clients.ts';
import type { LoadResult, LoadSpec } from './messages.ts';
import { delay } from './open-socket.ts';
import { summarize } from './stats.ts';

export async function runLoadStep(side: Side, spec: LoadSpec): Promise<LoadResult> {
  const senders = side.visitors
    .slice(0, spec.visitors)
    .filter((v) => v.isReady && v.conversationId !== undefined && v.agent !== undefined);
  if (senders.length === 0) throw new Error(`no ${side.target} visitor is connected with an assigned conversation`);
  for (const agent of side.agents) {
    agent.tryReply = createTokenBucket(spec.replyRatePerAgent, Math.max(1, spec.replyRatePerAgent));
  }
  setBodyChars(spec.bodyChars);
  const step = new StepRecorder();
  startRecording(step);
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const cpuBefore = process.cpuUsage();
  step.isSending = true;
  const startedAt = performance.now();
  await new Promise<void>((resolve) => {
    let sent = 0;
    let cursor = 0;
    const timer = setInterval(() => {
      const elapsed = performance.now() - startedAt;
      const due = Math.floor((spec.rate * Math.min(elapsed, spec.durationMs)) / 1000);
      for (; sent < due; sent++) {
        sendFromVisitor(side, senders[cursor]!, step, false, spec.maxUnackedPerVisitor);
        cursor = (cursor + 1) % senders.length;
      }
      if (elapsed >= spec.durationMs) {
        clearInterval(timer);
        resolve();
      }
    }, 1);
  });
  step.isSending = false;
  const sendWindowMs = performance.now() - startedAt;
  const drainDeadline = performance.now() + spec.drainMs;
  while ((step.awaitingAck > 0 || step.awaitingDelivery > 0) && performance.now() < drainDeadline) await delay(20);
  const cpu = process.cpuUsage(cpuBefore);
  const elapsedMs = Math.max(step.lastSettledAt, startedAt + sendWindowMs) - startedAt;
  loopDelay.disable();

  let unacked = 0;
  let undelivered = 0;
  for (const [clientId, entry] of pending) {
    if (entry.step !== step) continue;
    if (!entry.isAcked) {
      unacked += 1;
      // Its ack may still come, but it no longer counts: the visitor may send again.
      if (entry.visitor) entry.visitor.unacked -= 1;
    } else if (entry.expectsDelivery && !entry.isDelivered) undelivered += 1;
    pending.delete(clientId);
  }
  const errors = { ...step.errors };
  if (unacked) errors['ack/missing'] = unacked;
  if (undelivered) errors['delivery/missing'] = undelivered;
  startRecording(new StepRecorder());
  return {
    target: side.target,
    visitors: senders.length,
    agents: side.agents.filter((a) => a.isReady).length,
    sentByVisitors: step.sentByVisitors,
    sentByAgents: step.sentByAgents,
    acked: step.acked,
    unacked,
    undelivered,
    errors,
    ack: summarize(step.ack),
    visitorToAgent: summarize(step.visitorToAgent),
    agentToVisitor: summarize(step.agentToVisitor),
    agentFramesPerMessage: step.sentByVisitors ? step.agentFrames / (step.sentByVisitors + step.sentByAgents) : 0,
    summaryFramesPerSecond: step.summaryFrames / (elapsedMs / 1000),
    summaryKilobytesPerSecond: step.summaryChars / 1000 / (elapsedMs / 1000),
    elapsedMs,
    sendWindowMs,
    generatorCpuPercent: ((cpu.user + cpu.system) / 1000 / (performance.now() - startedAt)) * 100,
    generatorLoopDelayP99Ms: loopDelay.percentile(99) / 1e6,
  };
}
