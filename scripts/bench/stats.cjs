// Small statistics for the bench: every figure is measured in several runs,
// reported as median with its spread (min–max), and compared with a baseline
// measured in the same run, so the ratio holds on a loaded or slow machine.

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** { median, min, max, runs } of a list of numbers. */
function summary(values) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length }
}

/** Relative spread of a summary: (max − min) / median, in percent. */
function spreadPct(s) {
  return s.median === 0 ? 0 : ((s.max - s.min) / s.median) * 100
}

function round(value, digits = 2) {
  const f = 10 ** digits
  return Math.round(value * f) / f
}

module.exports = { median, summary, spreadPct, round }
