import validateSecretKey from "../loaders/validate-secret-key"

describe("start-up check of MAILER_SECRET_KEY", () => {
  const saved = { env: process.env.NODE_ENV, key: process.env.MAILER_SECRET_KEY }
  const logger = { warn: jest.fn() } as any
  afterEach(() => {
    process.env.NODE_ENV = saved.env
    process.env.MAILER_SECRET_KEY = saved.key
  })

  it("refuses to start in production without a key and says what to set", async () => {
    process.env.NODE_ENV = "production"
    delete process.env.MAILER_SECRET_KEY
    await expect(validateSecretKey({ options: {}, logger } as any)).rejects.toThrow(
      /MAILER_SECRET_KEY is not set\. Set it to 32 random bytes in base64/
    )
  })

  it("refuses a key of the wrong length", async () => {
    process.env.NODE_ENV = "production"
    process.env.MAILER_SECRET_KEY = Buffer.alloc(16).toString("base64")
    await expect(validateSecretKey({ options: {}, logger } as any)).rejects.toThrow(/must be 32 bytes/)
  })

  it("starts in development without a key, with a warning", async () => {
    process.env.NODE_ENV = "development"
    delete process.env.MAILER_SECRET_KEY
    await expect(validateSecretKey({ options: {}, logger } as any)).resolves.toBeUndefined()
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining("MAILER_SECRET_KEY is not set"))
  })

  it("accepts a 32-byte key from the plugin options", async () => {
    process.env.NODE_ENV = "production"
    delete process.env.MAILER_SECRET_KEY
    await expect(
      validateSecretKey({ options: { secret_key: Buffer.alloc(32, 3).toString("base64") }, logger } as any)
    ).resolves.toBeUndefined()
  })
})
