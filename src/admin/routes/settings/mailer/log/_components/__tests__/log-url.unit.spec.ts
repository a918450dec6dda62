import { filteringOf, readLogFilters, writeFiltering } from "../log-url"

describe("the log's URL", () => {
  it("reads the filters the overview links with, in the API's own words", () => {
    const params = new URLSearchParams("status=failed,queued&created_after=2026-12-02T08:00:00.000Z&q=%20erika%20&offset=40&resource_id=order_1")
    expect(readLogFilters(params)).toEqual({
      status: ["failed", "queued"],
      event_name: undefined,
      account_id: undefined,
      resource_id: "order_1",
      q: "erika",
      created_after: "2026-12-02T08:00:00.000Z",
      created_before: undefined,
      offset: 40,
    })
  })

  it("drops what the API would refuse: unknown statuses, broken dates, negative offsets", () => {
    const filters = readLogFilters(new URLSearchParams("status=lost,sent&created_before=gestern&offset=-5"))
    expect(filters.status).toEqual(["sent"])
    expect(filters.created_before).toBeUndefined()
    expect(filters.offset).toBeUndefined()
    expect(readLogFilters(new URLSearchParams("status=lost")).status).toBeUndefined()
  })

  it("turns the DataTable's filters into the URL and back", () => {
    const params = new URLSearchParams("q=max&resource_id=order_1&event_name=order.canceled")
    writeFiltering(params, {
      status: ["sent", "skipped"],
      account_id: "macc_1",
      created_at: { $gte: "2026-12-01T00:00:00.000Z", $lte: "2026-12-02T23:59:59.999Z" },
    })
    expect(Object.fromEntries(params)).toEqual({
      q: "max",
      resource_id: "order_1",
      status: "sent,skipped",
      account_id: "macc_1",
      created_after: "2026-12-01T00:00:00.000Z",
      created_before: "2026-12-02T23:59:59.999Z",
    })
    expect(filteringOf(readLogFilters(params))).toEqual({
      status: ["sent", "skipped"],
      account_id: "macc_1",
      created_at: { $gte: "2026-12-01T00:00:00.000Z", $lte: "2026-12-02T23:59:59.999Z" },
    })
    // Removing every filter leaves only what the table does not own.
    writeFiltering(params, {})
    expect(Object.fromEntries(params)).toEqual({ q: "max", resource_id: "order_1" })
  })
})
