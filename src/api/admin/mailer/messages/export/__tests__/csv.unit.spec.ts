import { csvCell, csvDocument } from "../csv"

describe("csv cells", () => {
  it("quotes per RFC 4180 only where needed", () => {
    expect(csvCell("plain")).toBe("plain")
    expect(csvCell('Sagte "Hallo"')).toBe('"Sagte ""Hallo"""')
    expect(csvCell("a, b")).toBe('"a, b"')
    expect(csvCell("zwei\nZeilen")).toBe('"zwei\nZeilen"')
    expect(csvCell(" leading")).toBe('" leading"')
    expect(csvCell(null)).toBe("")
    expect(csvCell(undefined)).toBe("")
    expect(csvCell(3)).toBe("3")
    expect(csvCell(false)).toBe("false")
    expect(csvCell(new Date("2026-01-31T12:00:00Z"))).toBe("2026-01-31T12:00:00.000Z")
  })

  it("defuses cells a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"")
    expect(csvCell("+49 221")).toBe("'+49 221")
    expect(csvCell("-1")).toBe("'-1")
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)")
    expect(csvCell("\tTab")).toBe("'\tTab")
    expect(csvCell("\r=1")).toBe("\"'\r=1\"")
    // Numbers are ours, not customer text: a negative count stays a number.
    expect(csvCell(-1)).toBe("-1")
    expect(csvCell("a=b")).toBe("a=b")
  })

  it("starts with a byte order mark and ends every line with CRLF", () => {
    expect(csvDocument(["a", "b"], [["1", "ä"]])).toBe("\uFEFFa,b\r\n1,ä\r\n")
  })
})
