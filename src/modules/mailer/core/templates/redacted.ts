/**
 * What the log keeps of a mail that carried a one-time link (password reset,
 * invitation) once it was sent: anybody reading the log could otherwise use
 * the link while it is valid.
 */
export function redactedContent(): { html: string; text: string } {
  const de = "Inhalt entfernt: Diese E-Mail enthielt einen persönlichen Link (Passwort oder Einladung), der nicht im Protokoll bleiben darf."
  const en = "Content removed: this e-mail contained a personal link (password or invitation) that must not stay in the log."
  return { html: `<p>${de}</p><p>${en}</p>`, text: `${de}\n\n${en}` }
}
