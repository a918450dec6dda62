import { Input } from "@medusajs/ui"
import { useEffect, useState } from "react"

/**
 * Free-text search of the log. Not DataTable.Search: its search input draws an icon with
 * role="img" and no name (axe "role-img-alt"). Typing updates the URL after a short pause.
 */
export const LogSearch = ({ value, onChange, label }: { value: string; onChange: (q: string) => void; label: string }) => {
  const [text, setText] = useState(value)
  useEffect(() => setText(value), [value])
  useEffect(() => {
    if (text === value) return
    const timer = setTimeout(() => onChange(text), 400)
    return () => clearTimeout(timer)
  }, [text])
  return (
    <Input
      size="small"
      type="text"
      value={text}
      placeholder={label}
      aria-label={label}
      onChange={(event) => setText(event.target.value)}
      data-testid="mailer-log-search"
    />
  )
}
