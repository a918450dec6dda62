// Medusa's DML keeps model metadata in a global store; clear it per test file
// so modules loaded by different runners do not see each other's entities.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()

// A fixed key for tests: secrets are encrypted exactly as in production.
process.env.MAILER_SECRET_KEY =
  process.env.MAILER_SECRET_KEY || Buffer.alloc(32, 7).toString("base64")
