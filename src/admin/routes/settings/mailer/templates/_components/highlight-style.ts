import { HighlightStyle } from "@codemirror/language"
import { tags } from "@lezer/highlight"

/**
 * Syntax colours that keep at least 4.5:1 contrast on the admin's field background
 * (CodeMirror's default style has light reds and greens that fail axe's color-contrast).
 */
export const accessibleHighlightStyle = HighlightStyle.define([
  { tag: [tags.tagName, tags.angleBracket], color: "#1d4ed8" },
  { tag: tags.attributeName, color: "#7e22ce" },
  { tag: [tags.attributeValue, tags.string], color: "#9a3412" },
  { tag: tags.comment, color: "#52525b", fontStyle: "italic" },
  { tag: [tags.keyword, tags.operator, tags.processingInstruction, tags.meta], color: "#0f766e" },
  { tag: [tags.number, tags.atom, tags.bool], color: "#1e40af" },
  { tag: tags.invalid, color: "#b91c1c" },
  { tag: [tags.propertyName, tags.variableName], color: "#18181b" },
])
