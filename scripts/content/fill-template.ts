import { fixIndefiniteArticles, possessive } from "./text-case";

/** Returns the text for a slot name such as "country"; throws for unknown names. */
export type SlotResolver = (slot: string) => string;

// Templates look like "Why {country's} {subject} bet could fail". Each one is
// split into literal and slot parts once: the generator fills millions of
// sentences for a large seed, and re-parsing every time dominated its cost.
const SLOT_PATTERN = /\{([A-Za-z0-9]+(?:'s)?)\}/;
const compiled = new Map<string, readonly string[]>();

function compile(template: string): readonly string[] {
  let parts = compiled.get(template);
  if (!parts) {
    // split() with a capture group puts slot names at the odd indexes.
    parts = template.split(new RegExp(SLOT_PATTERN.source, "g"));
    compiled.set(template, parts);
  }
  return parts;
}

export function fillTemplate(template: string, resolve: SlotResolver): string {
  const parts = compile(template);
  let text = parts[0]!;
  for (let index = 1; index < parts.length; index += 2) {
    const slot = parts[index]!;
    text += slot.endsWith("'s") ? possessive(resolve(slot.slice(0, -2))) : resolve(slot);
    text += parts[index + 1]!;
  }
  return parts.length > 1 ? fixIndefiniteArticles(text) : text;
}

/** The slot names a template uses, without the possessive suffix. */
export function templateSlots(template: string): string[] {
  const parts = compile(template);
  const slots: string[] = [];
  for (let index = 1; index < parts.length; index += 2) slots.push(parts[index]!.replace(/'s$/, ""));
  return slots;
}
