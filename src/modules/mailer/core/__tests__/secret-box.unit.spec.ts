import { randomBytes } from "node:crypto"
import { MailerError } from "../errors"
import { createSecretBox, parseSecretKey } from "../secret-box"

function expectMailerError(fn: () => unknown, code: string): MailerError {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(MailerError)
    expect((err as MailerError).code).toBe(code)
    return err as MailerError
  }
  throw new Error(`expected MailerError ${code}`)
}

/** Flips one bit of the decoded ciphertext part and re-encodes it. */
function flipCiphertextByte(sealed: string, index = 0): string {
  const [v, iv, tag, ct] = sealed.split(":")
  const bytes = Buffer.from(ct, "base64")
  bytes[index] ^= 0x01
  return [v, iv, tag, bytes.toString("base64")].join(":")
}

describe("parseSecretKey", () => {
  const key = randomBytes(32)

  it("accepts 32 bytes in base64 and base64url, with surrounding whitespace", () => {
    expect(parseSecretKey(key.toString("base64")).equals(key)).toBe(true)
    expect(parseSecretKey(` ${key.toString("base64")}\n`).equals(key)).toBe(true)
    expect(parseSecretKey(key.toString("base64url")).equals(key)).toBe(true)
  })

  it("reports a missing key", () => {
    expectMailerError(() => parseSecretKey(undefined), "SECRET_KEY_MISSING")
    expectMailerError(() => parseSecretKey(""), "SECRET_KEY_MISSING")
    expectMailerError(() => parseSecretKey("   "), "SECRET_KEY_MISSING")
  })

  it("rejects keys of the wrong length or alphabet without echoing them", () => {
    const short = randomBytes(16).toString("base64")
    const err = expectMailerError(() => parseSecretKey(short), "SECRET_KEY_INVALID")
    expect(err.message).not.toContain(short)
    expectMailerError(() => parseSecretKey(randomBytes(33).toString("base64")), "SECRET_KEY_INVALID")
    expectMailerError(() => parseSecretKey("this is not base64 at all!!"), "SECRET_KEY_INVALID")
    // 32 ASCII characters are not 32 bytes of key
    expectMailerError(() => parseSecretKey("a".repeat(32)), "SECRET_KEY_INVALID")
  })
})

describe("createSecretBox", () => {
  const key = randomBytes(32)
  const box = createSecretBox(key)
  const rowId = "mailacc_01HZX"

  it("round-trips text, including unicode and the empty string", () => {
    for (const plain of ["hunter2", "Pässwörd ✓ 🔑", "", "-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----"]) {
      expect(box.open(box.seal(plain, rowId), rowId)).toBe(plain)
    }
  })

  it("produces the v1:iv:tag:ciphertext format with a fresh 12-byte IV each time", () => {
    const a = box.seal("same", rowId)
    const b = box.seal("same", rowId)
    expect(a).not.toBe(b)
    const [version, iv, tag, ct] = a.split(":")
    expect(version).toBe("v1")
    expect(Buffer.from(iv, "base64")).toHaveLength(12)
    expect(Buffer.from(tag, "base64")).toHaveLength(16)
    expect(Buffer.from(ct, "base64")).toHaveLength(4)
    expect(a).not.toContain("same")
  })

  it("fails with the wrong AAD, so a ciphertext cannot move to another row", () => {
    const sealed = box.seal("hunter2", rowId)
    const err = expectMailerError(() => box.open(sealed, "mailacc_OTHER"), "SECRET_DECRYPT_FAILED")
    expect(err.message).not.toContain("hunter2")
  })

  it("fails when one ciphertext byte is flipped", () => {
    const sealed = box.seal("hunter2", rowId)
    expectMailerError(() => box.open(flipCiphertextByte(sealed), rowId), "SECRET_DECRYPT_FAILED")
    expectMailerError(() => box.open(flipCiphertextByte(sealed, 6), rowId), "SECRET_DECRYPT_FAILED")
  })

  it("fails when tag or IV are altered or the format is wrong", () => {
    const [v, iv, tag, ct] = box.seal("hunter2", rowId).split(":")
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, "base64")
      bytes[0] ^= 0x80
      return bytes.toString("base64")
    }
    for (const bad of [
      [v, iv, flip(tag), ct].join(":"),
      [v, flip(iv), tag, ct].join(":"),
      ["v2", iv, tag, ct].join(":"),
      [v, iv, tag].join(":"),
      "hunter2",
      "",
      "v1:!!:??:**",
    ]) {
      expectMailerError(() => box.open(bad, rowId), "SECRET_DECRYPT_FAILED")
    }
  })

  it("fails with another key", () => {
    const sealed = box.seal("hunter2", rowId)
    expectMailerError(() => createSecretBox(randomBytes(32)).open(sealed, rowId), "SECRET_DECRYPT_FAILED")
  })

  it("opens values sealed with a previous key after rotation and seals with the new key", () => {
    const oldKey = randomBytes(32)
    const newKey = randomBytes(32)
    const sealedWithOld = createSecretBox(oldKey).seal("hunter2", rowId)
    const rotated = createSecretBox(newKey, [oldKey])
    expect(rotated.open(sealedWithOld, rowId)).toBe("hunter2")
    const resealed = rotated.seal("hunter2", rowId)
    expect(createSecretBox(newKey).open(resealed, rowId)).toBe("hunter2")
    expectMailerError(() => createSecretBox(oldKey).open(resealed, rowId), "SECRET_DECRYPT_FAILED")
    // without the old key the old value is lost
    expectMailerError(() => createSecretBox(newKey).open(sealedWithOld, rowId), "SECRET_DECRYPT_FAILED")
  })

  it("rejects keys that are not 32 bytes and an empty AAD", () => {
    expectMailerError(() => createSecretBox(randomBytes(16)), "SECRET_KEY_INVALID")
    expectMailerError(() => createSecretBox(key, [randomBytes(31)]), "SECRET_KEY_INVALID")
    expect(() => box.seal("x", "")).toThrow(TypeError)
    expect(() => box.open(box.seal("x", rowId), "")).toThrow(TypeError)
  })
})
