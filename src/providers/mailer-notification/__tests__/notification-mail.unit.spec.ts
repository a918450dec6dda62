import { notificationMailContext, notificationOutboxKey } from "../notification-mail"

describe("a notification as a mail context", () => {
  const entry = {
    id: "noti_1",
    to: "erika@kunde.test",
    channel: "email",
    template: "order.placed",
    data: { locale: "de-DE", sales_channel_id: "sc_1", order: { display_id: 7 } },
  }

  it("takes the template as the mail event, data as the context and data.locale first", () => {
    const loaded = notificationMailContext(entry)
    expect(loaded).toMatchObject({
      event_name: "order.placed",
      recipient: "erika@kunde.test",
      locale_candidates: ["de-DE"],
      sales_channel_id: "sc_1",
      resource_type: "notification",
      resource_id: "noti_1",
      failure: null,
    })
    expect(loaded.context).toBe(entry.data)
  })

  it("turns an unknown template into an UNKNOWN_EVENT load failure that names it", () => {
    const loaded = notificationMailContext({ ...entry, template: "newsletter.weekly" })
    expect(loaded.failure).toMatchObject({ code: "UNKNOWN_EVENT" })
    expect(loaded.failure!.message).toContain('"newsletter.weekly"')
    expect(loaded.failure!.hint).toContain("/admin/mailer/events")
  })

  it("keys the outbox row by the idempotency key when given, else by the notification id", () => {
    expect(notificationOutboxKey({ ...entry, idempotency_key: "k1" })).toBe("notification:key:k1")
    expect(notificationOutboxKey(entry)).toBe("notification:id:noti_1")
    expect(notificationOutboxKey({ ...entry, idempotency_key: "k1" }, "noti_2")).toBe("notification:key:k1:retry:noti_2")
  })
})
