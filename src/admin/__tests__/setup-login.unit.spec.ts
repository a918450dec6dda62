import { defaultsFor, loginSchema, toAccountInput } from "../routes/settings/mailer/setup/_components/login-schema"

const preset = { id: "ionos", name: "IONOS", host: "smtp.ionos.de", port: 465, security: "ssl" as const, notes: "" }
const filled = { ...defaultsFor(preset, "IONOS"), sender_name: "Muster Shop", sender_email: "shop@muster-shop.test", password: "geheim" }

describe("first-run setup: sender and login form", () => {
  it("starts from the preset's server settings with login required", () => {
    expect(defaultsFor(preset, "IONOS")).toMatchObject({ name: "IONOS", host: "smtp.ionos.de", port: 465, security: "ssl", auth_required: true })
  })

  it("asks the API to test before saving and uses the sender address when the user name is empty", () => {
    expect(toAccountInput(filled)).toMatchObject({ verify: true, username: "shop@muster-shop.test", password: "geheim" })
    expect(toAccountInput({ ...filled, username: "apikey" }).username).toBe("apikey")
  })

  it("sends neither user name nor password for a server without login", () => {
    expect(toAccountInput({ ...filled, auth_required: false, username: "x" })).toMatchObject({ username: null, password: null })
  })

  it("requires a password only when the server needs a login, and refuses a URL as host", () => {
    const problems = (values: object) => loginSchema.safeParse(values).error?.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`) ?? []
    expect(problems({ ...filled, password: "" })).toEqual(["password:required"])
    expect(problems({ ...filled, password: "", auth_required: false })).toEqual([])
    expect(problems({ ...filled, host: "smtp://smtp.ionos.de" })).toEqual(["host:host"])
    expect(problems({ ...filled, port: 70000 })).toEqual(["port:port"])
    expect(problems({ ...filled, sender_email: "kein-at" })).toEqual(["sender_email:email"])
  })
})
