// The SMTP sink lives with the module tests (they must not import the app's
// test harness); the HTTP and browser tests use it from here.
export * from "../../src/modules/mailer/__tests__/support/smtp-sink"
