import type { LookupAddress } from "node:dns"
import { createServer, type AddressInfo, type Server, type Socket } from "node:net"
import nodemailer from "nodemailer"
import { checkingLookup, guardedSocket } from "../../delivery/guarded-socket"
import { MailerError } from "../errors"
import { isForbiddenAddress, isForbiddenHost, isLoopbackHost } from "../smtp/host-policy"

describe("host policy", () => {
  it.each(["169.254.169.254", "169.254.0.1", "100.100.100.200", "fe80::1", "FE80::abcd", "fd00:ec2::254", "::ffff:169.254.169.254", "::ffff:a9fe:a9fe", "64:ff9b::a9fe:a9fe", "0.0.0.0", "::", "224.0.0.1"])(
    "refuses %s",
    (ip) => expect(isForbiddenAddress(ip)).toBe(true)
  )

  it.each(["127.0.0.1", "::1", "10.0.0.1", "172.20.1.1", "192.168.178.2", "fd12:3456::1", "8.8.8.8", "2a00:1450:4001::1"])("allows %s", (ip) => {
    expect(isForbiddenAddress(ip)).toBe(false)
  })

  it("refuses the metadata host names, not ordinary ones", () => {
    expect(isForbiddenHost("metadata.google.internal")).toBe(true)
    expect(isForbiddenHost("Metadata.Google.Internal.")).toBe(true)
    expect(isForbiddenHost("[fe80::1]")).toBe(true)
    expect(isForbiddenHost("smtp.google.com")).toBe(false)
    expect(isForbiddenHost("metadata.example.com")).toBe(false)
  })

  it("knows loopback from private", () => {
    expect(["localhost", "127.0.0.1", "127.8.9.1", "::1", "[::1]", "::ffff:127.0.0.1"].every(isLoopbackHost)).toBe(true)
    expect(["10.0.0.1", "192.168.0.1", "mail.local", "smtp.example.com", "169.254.169.254"].some(isLoopbackHost)).toBe(false)
  })
})

describe("guardedSocket", () => {
  let server: Server
  let port: number
  const accepted: Socket[] = []

  beforeAll(async () => {
    server = createServer((socket) => accepted.push(socket))
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    port = (server.address() as AddressInfo).port
  })
  afterAll(async () => {
    accepted.forEach((s) => s.destroy())
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  const open = (host: string, p = port) =>
    new Promise<{ err: Error | null; socket?: Socket }>((resolve) =>
      guardedSocket({ host, port: p, connectionTimeout: 5_000 }, (err, options) => resolve({ err, socket: options ? options.connection : undefined }))
    )

  it("connects to an allowed host by name and by address", async () => {
    for (const host of ["localhost", "127.0.0.1"]) {
      const { err, socket } = await open(host)
      expect(err).toBeNull()
      expect(socket?.remotePort).toBe(port)
      socket?.destroy()
    }
  })

  it("refuses a forbidden address without connecting", async () => {
    const { err } = await open("169.254.169.254", 80)
    expect(err).toBeInstanceOf(MailerError)
    expect((err as MailerError).code).toBe("SMTP_HOST_NOT_ALLOWED")
  })

  it("hands the refusal to nodemailer as it is, pooled or not, and nothing is connected", async () => {
    for (const pool of [false, true]) {
      const transport = nodemailer.createTransport({ host: "169.254.169.254", port: 25, pool, getSocket: guardedSocket } as any)
      const error = await transport.sendMail({ from: "a@shop.test", to: "b@shop.test", subject: "x", text: "x" }).then(
        () => null,
        (err: unknown) => err
      )
      transport.close()
      expect(error).toBeInstanceOf(MailerError)
      expect((error as MailerError).code).toBe("SMTP_HOST_NOT_ALLOWED")
    }
  })

  it("refuses a name when any address it resolves to is forbidden", async () => {
    const answers: Record<string, LookupAddress[]> = {
      "metadata.example.test": [{ address: "169.254.169.254", family: 4 }],
      "mixed.example.test": [
        { address: "127.0.0.1", family: 4 },
        { address: "fe80::1", family: 6 },
      ],
      "fine.example.test": [{ address: "127.0.0.1", family: 4 }],
    }
    const lookup = checkingLookup((name, _options, callback) => callback(null, answers[name]))
    const result = (name: string) =>
      new Promise<{ err: Error | null; addresses?: LookupAddress[] }>((resolve) => lookup(name, { all: true }, (err: Error | null, addresses?: LookupAddress[]) => resolve({ err, addresses })))
    for (const name of ["metadata.example.test", "mixed.example.test"]) {
      const { err } = await result(name)
      expect((err as MailerError).code).toBe("SMTP_HOST_NOT_ALLOWED")
      expect(err?.message).toContain(name)
    }
    expect((await result("fine.example.test")).addresses).toEqual(answers["fine.example.test"])
  })
})
