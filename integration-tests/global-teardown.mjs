import { rmSync } from "node:fs"
import { dirname } from "node:path"

export default async function globalTeardown() {
  const running = globalThis.__MAILER_PG__
  if (!running) {
    return
  }
  await running.pg.stop()
  rmSync(dirname(running.dir), { recursive: true, force: true })
}
