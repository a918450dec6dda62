// The admin tests drive Debian's chromium (playwright cannot download a browser
// here). Installs it with apt when it is missing and we may; otherwise says how.
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"

export function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
  if (existsSync(path)) {
    return
  }
  const isRoot = process.getuid?.() === 0
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0
  if (!isRoot || !hasApt) {
    console.error(
      `The admin tests need Chromium at ${path}. Install it (Debian/Ubuntu: sudo apt-get install chromium) ` +
        "or point CHROMIUM_PATH at a Chromium/Chrome binary."
    )
    process.exit(1)
  }
  console.log("Installing Debian's chromium for the admin browser tests (apt-get) …")
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
  for (const args of [["update", "-qq"], ["install", "-y", "-qq", "chromium"]]) {
    const run = spawnSync("apt-get", args, { stdio: "inherit", env })
    if (run.status !== 0) {
      console.error(`apt-get ${args.join(" ")} failed; install chromium by hand or set CHROMIUM_PATH.`)
      process.exit(1)
    }
  }
}
