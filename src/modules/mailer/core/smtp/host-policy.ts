import { BlockList, isIP } from "node:net"

/**
 * Which SMTP hosts the plugin connects to. An admin enters the host, and verify answers with
 * the server's reply, so an open host field would let an admin probe the shop server's
 * surroundings: above all the cloud metadata service (169.254.169.254 on AWS, GCP, Azure,
 * Oracle; fd00:ec2::254 on AWS over IPv6; 100.100.100.200 on Alibaba Cloud), which hands out
 * credentials. Link-local, unspecified, multicast and broadcast addresses are refused as well:
 * no mail server lives there.
 *
 * Loopback and the private ranges stay allowed on purpose: shops relay through a local Postfix
 * or a mail server in their own network.
 *
 * A host name is checked twice: by name when the account is saved (the well-known metadata
 * names) and by every address it resolves to when a connection is opened (see
 * delivery/transport-cache.ts), so a name that points at a forbidden address, now or after a
 * DNS change, is refused too.
 */
const FORBIDDEN = new BlockList()
FORBIDDEN.addSubnet("169.254.0.0", 16, "ipv4") // link-local, incl. the metadata address
FORBIDDEN.addAddress("100.100.100.200", "ipv4") // Alibaba Cloud metadata
FORBIDDEN.addSubnet("0.0.0.0", 8, "ipv4") // "this network"; 0.0.0.0 reaches the server itself
FORBIDDEN.addSubnet("224.0.0.0", 4, "ipv4") // multicast
FORBIDDEN.addAddress("255.255.255.255", "ipv4")
FORBIDDEN.addSubnet("fe80::", 10, "ipv6") // link-local
FORBIDDEN.addAddress("fd00:ec2::254", "ipv6") // AWS metadata over IPv6
FORBIDDEN.addAddress("::", "ipv6")
FORBIDDEN.addSubnet("ff00::", 8, "ipv6") // multicast
FORBIDDEN.addSubnet("64:ff9b::a9fe:0", 112, "ipv6") // 169.254.0.0/16 through NAT64

/** Names of metadata services that resolve only inside the cloud (GCP, AWS). */
const METADATA_NAMES = new Set(["metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal"])

/** The host as written in an account: no brackets around IPv6, no trailing dot, lower case. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "")
}

/** True for an address the plugin never connects to (link-local, metadata …). */
export function isForbiddenAddress(address: string): boolean {
  // a zone id (fe80::1%eth0) names the interface, not the address
  const ip = normalizeHost(address).replace(/%.*$/, "")
  const family = isIP(ip)
  if (family === 0) return false
  const embedded = embeddedIPv4(ip)
  if (embedded) return isForbiddenAddress(embedded)
  return FORBIDDEN.check(ip, family === 4 ? "ipv4" : "ipv6")
}

/** True when the host setting itself is refused: a forbidden address or a metadata name. */
export function isForbiddenHost(host: string): boolean {
  const h = normalizeHost(host).replace(/%.*$/, "")
  return isIP(h) ? isForbiddenAddress(h) : METADATA_NAMES.has(h)
}

/**
 * Loopback: the same machine. Only there may a password travel without TLS (a local Postfix
 * relay); private ranges are other machines on a network the shop may not control.
 */
export function isLoopbackHost(host: string): boolean {
  const h = normalizeHost(host)
  if (h === "localhost" || h.endsWith(".localhost")) return true
  const embedded = embeddedIPv4(h)
  if (embedded) return isLoopbackHost(embedded)
  if (isIP(h) === 4) return h.startsWith("127.")
  return h === "::1" || h === "0:0:0:0:0:0:0:1"
}

/** The IPv4 address inside an IPv4-mapped IPv6 address written with dots (::ffff:1.2.3.4). */
function embeddedIPv4(ip: string): string | null {
  const match = /^(?:::ffff:(?:0:)?|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(ip)
  return match ? match[1] : null
}
