import { useEffect, useState } from "react"

/**
 * `value`, but only once it has stopped changing for `delayMs` (the preview waits for a
 * typing pause); the first real value (after null or undefined) comes at once, so the first
 * render needs no pause. Changes are detected by content (JSON), so a new object with the same
 * content neither restarts the timer nor causes another render.
 */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value)
  const key = JSON.stringify(value)
  useEffect(() => {
    const wait = settled === null || settled === undefined ? 0 : delayMs
    const timer = window.setTimeout(() => setSettled((previous) => (JSON.stringify(previous) === key ? previous : value)), wait)
    return () => window.clearTimeout(timer)
    // `key` stands for `value`'s content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, delayMs])
  return settled
}
