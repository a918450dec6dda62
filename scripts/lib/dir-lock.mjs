// A lock between processes on this machine (several engineers and CI may prepare
// the packed app at once): mkdir is atomic; a lock whose owner died is taken over.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"

function ownerAlive(dir) {
  try {
    const pid = Number(readFileSync(join(dir, "pid"), "utf8"))
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return err?.code === "EPERM"
  }
}

/** Waits (polling, bounded) until the lock is ours; returns the function that releases it. */
export async function acquireLock(dir, log = () => undefined, limitMs = 30 * 60_000) {
  const deadline = Date.now() + limitMs
  let told = false
  for (;;) {
    try {
      mkdirSync(dir)
      writeFileSync(join(dir, "pid"), String(process.pid))
      return () => rmSync(dir, { recursive: true, force: true })
    } catch (err) {
      if (err.code !== "EEXIST") {
        throw err
      }
    }
    // A lock without a pid file may be one being taken right now: give it a moment.
    if (!ownerAlive(dir) && lockAgeMs(dir) > 5_000) {
      rmSync(dir, { recursive: true, force: true })
      continue
    }
    if (!told) {
      log(`waiting for another process preparing the packed app (lock ${dir})`)
      told = true
    }
    if (Date.now() > deadline) {
      throw new Error(`Gave up waiting for the lock ${dir}`)
    }
    await new Promise((r) => setTimeout(r, 1000))
  }
}

function lockAgeMs(dir) {
  try {
    return Date.now() - statSync(dir).mtimeMs
  } catch {
    return Infinity
  }
}
