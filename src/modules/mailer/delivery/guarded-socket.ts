import { lookup as dnsLookup, type LookupAddress } from "node:dns"
import { connect, isIP, type Socket } from "node:net"
import { MailerError } from "../core/errors"
import { isForbiddenAddress } from "../core/smtp/host-policy"

/**
 * nodemailer's `getSocket` hook: opens the TCP connection for every SMTP session itself, so
 * the address actually connected to is the address that was checked. The host name is
 * resolved by the socket's own `lookup`, which refuses the whole name when any of its
 * addresses is forbidden (link-local, cloud metadata, see core/smtp/host-policy.ts). Checking
 * first and letting nodemailer resolve again would leave a window for a DNS answer that
 * changes in between (DNS rebinding).
 *
 * nodemailer then runs SMTP (and TLS, with the host name for SNI and certificate checks) over
 * the socket handed back as `connection`.
 */
interface SocketRequest {
  host?: string
  port?: number
  connectionTimeout?: number
}

type SocketCallback = (err: Error | null, socketOptions?: { connection: Socket } | false) => void

const DEFAULT_CONNECTION_TIMEOUT_MS = 10_000

export function guardedSocket(options: SocketRequest, callback: SocketCallback): void {
  const host = String(options.host ?? "").replace(/^\[|\]$/g, "")
  if (isIP(host) && isForbiddenAddress(host)) {
    setImmediate(() => callback(hostNotAllowed(host, host)))
    return
  }
  const socket = connect({
    host,
    port: options.port ?? 25,
    lookup: checkingLookup(),
    // try every (checked) address of the name, IPv6 and IPv4 alternating, like nodemailer does
    autoSelectFamily: true,
  })
  let settled = false
  const settle = (err: Error | null) => {
    if (settled) return
    settled = true
    clearTimeout(timer)
    socket.removeAllListeners("connect")
    if (err) {
      socket.destroy()
      callback(err)
      return
    }
    socket.removeListener("error", settle)
    callback(null, { connection: socket })
  }
  const timer = setTimeout(() => {
    settle(Object.assign(new Error(`Connection timeout to ${host}:${options.port}`), { code: "ETIMEDOUT" }))
  }, options.connectionTimeout ?? DEFAULT_CONNECTION_TIMEOUT_MS)
  socket.once("connect", () => settle(null))
  socket.once("error", settle)
}

type Resolver = (hostname: string, options: { all: true }, callback: (err: Error | null, addresses: LookupAddress[]) => void) => void

/** A `lookup` for net.connect whose answer is checked: one forbidden address refuses the name. */
export function checkingLookup(resolve: Resolver = dnsLookup as unknown as Resolver) {
  return (hostname: string, options: object, callback: (...args: any[]) => void): void => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err)
      const forbidden = addresses.find((a) => isForbiddenAddress(a.address))
      if (forbidden) return callback(hostNotAllowed(hostname, forbidden.address))
      if ((options as { all?: boolean }).all) return callback(null, addresses)
      const [first] = addresses
      return callback(null, first.address, first.family)
    })
  }
}

function hostNotAllowed(host: string, address: string): MailerError {
  const via = host === address ? "" : ` (resolves to ${address})`
  return new MailerError("SMTP_HOST_NOT_ALLOWED", `connections to ${host}${via} are not allowed`)
}
