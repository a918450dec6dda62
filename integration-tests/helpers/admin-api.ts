import type { AxiosInstance, AxiosResponse } from "axios"

/**
 * A thin client for the admin API in tests: never throws on 4xx/5xx (the
 * tests assert the status), optionally records every response body so a test
 * can search them all (e.g. for a secret that must never leave the server).
 */
export interface AdminClient {
  get: (url: string, headers?: Record<string, string>) => Promise<AxiosResponse>
  post: (url: string, data?: unknown, headers?: Record<string, string>) => Promise<AxiosResponse>
  delete: (url: string, data?: unknown, headers?: Record<string, string>) => Promise<AxiosResponse>
  raw: (config: { method: string; url: string; data?: unknown; headers?: Record<string, string> }) => Promise<AxiosResponse>
  /** Every response body so far, as sent (JSON text). */
  bodies: string[]
}

export function adminClient(api: AxiosInstance, auth: Record<string, string> | null): AdminClient {
  const bodies: string[] = []
  const raw: AdminClient["raw"] = async ({ method, url, data, headers }) => {
    const res = await api.request({
      method,
      url,
      data,
      headers: { ...(auth ?? {}), ...(headers ?? {}) },
      validateStatus: () => true,
      // a string is sent as it is (broken JSON stays broken)
      ...(typeof data === "string" ? { transformRequest: [(d: unknown) => d] } : {}),
      // keep the body exactly as sent, so searching it finds what a client would see
      transformResponse: [(body: unknown) => body],
    })
    const text = typeof res.data === "string" ? res.data : JSON.stringify(res.data ?? null)
    bodies.push(text)
    try {
      res.data = text ? JSON.parse(text) : null
    } catch {
      res.data = text
    }
    return res
  }
  return {
    bodies,
    raw,
    get: (url, headers) => raw({ method: "get", url, headers }),
    post: (url, data, headers) => raw({ method: "post", url, data: data ?? {}, headers }),
    delete: (url, data, headers) => raw({ method: "delete", url, data, headers }),
  }
}

/**
 * Captures what the server process writes (stdout, stderr, console) while
 * running; the Medusa app runs in the test process, so its log is in here.
 */
export class OutputCapture {
  private chunks: string[] = []
  private restore: (() => void)[] = []

  start(): this {
    // Jest's console may buffer instead of writing to process.stdout (several test files in one
    // run); winston writes to console._stdout, so that stream is wrapped as well.
    const jestConsole = console as unknown as { _stdout?: NodeJS.WriteStream; _stderr?: NodeJS.WriteStream }
    const streams = new Set([process.stdout, process.stderr, jestConsole._stdout, jestConsole._stderr])
    for (const stream of streams) {
      if (!stream || typeof stream.write !== "function") continue
      const original = stream.write.bind(stream)
      stream.write = ((chunk: unknown, ...rest: unknown[]) => {
        this.chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"))
        return (original as (...args: unknown[]) => boolean)(chunk, ...rest)
      }) as typeof stream.write
      this.restore.push(() => (stream.write = original as typeof stream.write))
    }
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      const original = console[method]
      console[method] = (...args: unknown[]) => {
        this.chunks.push(args.map((a) => (typeof a === "string" ? a : safeJson(a))).join(" "))
        original.apply(console, args as [])
      }
      this.restore.push(() => (console[method] = original))
    }
    return this
  }

  stop(): void {
    this.restore.reverse().forEach((fn) => fn())
    this.restore = []
  }

  get text(): string {
    return this.chunks.join("\n")
  }
}

function safeJson(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}\n${value.stack ?? ""}`
  try {
    return JSON.stringify(value)
  } catch {
    return String(value)
  }
}
