// The Medusa app used by this repository's tests and demo: it loads the
// plugin's sources directly (src/ is the app's own code). A shop that installs
// the plugin adds `plugins: [{ resolve: "medusa-plugin-mailer" }]` instead.
import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const retryBaseMs = Number(process.env.MAILER_RETRY_BASE_MS ?? 60_000)

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS ?? "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS ?? "http://localhost:9000",
      authCors: process.env.AUTH_CORS ?? "http://localhost:9000,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLE === "true",
  },
  modules: [
    {
      resolve: "./src/modules/mailer",
      options: {
        retry: { baseDelayMs: retryBaseMs, maxDelayMs: retryBaseMs * 60 },
        smtp_timeouts: process.env.MAILER_SMTP_TIMEOUT_MS
          ? {
              connection_ms: Number(process.env.MAILER_SMTP_TIMEOUT_MS),
              greeting_ms: Number(process.env.MAILER_SMTP_TIMEOUT_MS),
              socket_ms: Number(process.env.MAILER_SMTP_TIMEOUT_MS),
            }
          : undefined,
      },
    },
    // Other code's createNotifications({ channel: "email" }) goes through the plugin (src/providers/).
    {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          { resolve: "./src/providers/mailer-notification", id: "mailer", options: { channels: ["email"] } },
        ],
      },
    },
  ],
})
