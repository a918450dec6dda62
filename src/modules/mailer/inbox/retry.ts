import { DEFAULT_RETRY_POLICY, retryDelayMs } from "../core/backoff"
import type { EventError } from "./classify"

/**
 * When an event whose processing failed is tried again. Same curve as the outbox (exponential,
 * capped, full jitter: core/backoff.ts) but its own, shorter base: processing fails on the
 * shop's own database or code, which is usually back within seconds or minutes, not on a
 * remote mail server. The lifetime is the outbox's (plugin option retry.lifetimeMs, 3 days
 * by default) unless event_retry.lifetimeMs says otherwise: an order confirmation may be late,
 * but it must not be given up sooner than a mail that is already rendered.
 */
export interface EventRetryPolicy {
  baseDelayMs: number
  maxDelayMs: number
  lifetimeMs: number
}

export const DEFAULT_EVENT_RETRY: EventRetryPolicy = Object.freeze({
  baseDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  lifetimeMs: 3 * 24 * 60 * 60_000,
})

type Given = Partial<Record<keyof EventRetryPolicy, unknown>> | null | undefined

/** The option event_retry over the outbox's lifetime over the defaults; a non-positive value keeps its default. */
export function eventRetryPolicy(option: Given, outbox?: { lifetimeMs?: unknown } | null): EventRetryPolicy {
  const positive = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v > 0
  const pick = (key: keyof EventRetryPolicy, ...candidates: unknown[]) =>
    (candidates.find(positive) as number | undefined) ?? DEFAULT_EVENT_RETRY[key]
  return {
    baseDelayMs: pick("baseDelayMs", option?.baseDelayMs),
    maxDelayMs: pick("maxDelayMs", option?.maxDelayMs),
    lifetimeMs: pick("lifetimeMs", option?.lifetimeMs, outbox?.lifetimeMs),
  }
}

export type EventDecision =
  | { status: "pending"; next_attempt_at: Date }
  | { status: "failed"; ended: "permanent" | "lifetime" }

/**
 * After `attempts` failed tries of an event received at `receivedAt`: a permanent error ends at
 * once; a transient one is retried, the last time at the give-up time itself, then ends.
 */
export function decideAfterFailure(
  error: EventError,
  attempts: number,
  receivedAt: Date,
  policy: EventRetryPolicy,
  now: Date = new Date(),
  random: () => number = Math.random
): EventDecision {
  if (error.permanent) return { status: "failed", ended: "permanent" }
  const giveUp = receivedAt.getTime() + policy.lifetimeMs
  if (now.getTime() >= giveUp) return { status: "failed", ended: "lifetime" }
  // The outbox's defaults fill the fields its RetryPolicy has beyond the two delays.
  const delay = retryDelayMs(attempts, { ...DEFAULT_RETRY_POLICY, baseDelayMs: policy.baseDelayMs, maxDelayMs: policy.maxDelayMs }, random)
  return { status: "pending", next_attempt_at: new Date(Math.min(now.getTime() + delay, giveUp)) }
}
