// Compose once, send many (mail merge). A newsletter goes to thousands of
// readers whose copies differ in three places: the address, the Message-ID
// and the unsubscribe token. Composing each copy from scratch (MIME tree,
// headers, base64 of ~50 KB) was most of the sending's CPU time, so the
// message is composed once by nodemailer with placeholders, and each copy is
// that message with the placeholders replaced:
// - in the headers (plain ASCII text) by ordinary string replacement;
// - in the base64 bodies by re-encoding only the few 3-byte groups the token
//   covers. The token has the same length as its placeholder, and base64
//   lines are 76 characters (19 whole groups), so nothing else moves.
// When the composed message does not have the expected shape (a body not in
// base64 as computed here, a non-ASCII address), callers compose normally.
// With its file name: nodemailer has no exports map, and Node resolves no
// directory imports in ES modules (the compiled server is one).
import MailComposer from "nodemailer/lib/mail-composer/index.js";

export type MergeTemplate = {
  head: string;
  body: Buffer;
  /** Where, in `body`, each placeholder's base64 groups start, with the original bytes around it. */
  spots: { groupsAt: number; source: Buffer; firstGroup: number; tokenOffset: number }[];
  placeholders: { to: string; messageId: string; token: string };
};

const LINE = 76;

function wrapBase64(buffer: Buffer): string {
  return (buffer.toString("base64").match(new RegExp(`.{1,${LINE}}`, "g")) ?? []).join("\r\n");
}

/** Position in wrapped base64 of the character at `index` of the unwrapped text. */
function wrappedIndex(index: number): number {
  return index + 2 * Math.floor(index / LINE);
}

function indexesOf(haystack: Buffer, needle: Buffer): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) found.push(at);
  return found;
}

export type MergeSource = {
  from: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  placeholders: { to: string; messageId: string; token: string };
};

export async function composeMergeTemplate(source: MergeSource): Promise<MergeTemplate | null> {
  const { placeholders } = source;
  const raw: Buffer = await new Promise((resolve, reject) =>
    new MailComposer({
      from: source.from,
      to: placeholders.to,
      subject: source.subject,
      html: source.html,
      text: source.text,
      headers: source.headers,
      messageId: placeholders.messageId,
      textEncoding: "base64",
    })
      .compile()
      .build((error, message) => (error ? reject(error) : resolve(message))),
  );
  const split = raw.indexOf("\r\n\r\n");
  if (split === -1) return null;
  const head = raw.subarray(0, split + 4).toString("latin1");
  const body = Buffer.from(raw.subarray(split + 4));
  if (!head.includes(placeholders.to) || !head.includes(placeholders.messageId)) return null;
  const token = Buffer.from(placeholders.token);
  const spots: MergeTemplate["spots"] = [];
  for (const content of [source.html, source.text]) {
    const bytes = Buffer.from(content, "utf8");
    const encoded = Buffer.from(wrapBase64(bytes), "latin1");
    const partAt = body.indexOf(encoded);
    if (partAt === -1) return null;
    for (const offset of indexesOf(bytes, token)) {
      const firstGroup = Math.floor(offset / 3);
      spots.push({ groupsAt: partAt, source: bytes, firstGroup, tokenOffset: offset });
    }
  }
  return { head, body, spots, placeholders };
}

/** One recipient's copy: the template with their address, Message-ID and token. */
export function mergeMessage(
  template: MergeTemplate,
  values: { to: string; messageId: string; token: string },
): Buffer | null {
  const { placeholders } = template;
  if (
    values.token.length !== placeholders.token.length ||
    !/^[\x20-\x7e]+$/.test(values.to + values.messageId + values.token)
  )
    return null;
  const head = template.head
    .replace(placeholders.to, values.to)
    .replace(placeholders.messageId, values.messageId)
    .replaceAll(placeholders.token, values.token);
  const body = Buffer.from(template.body);
  const token = Buffer.from(values.token, "latin1");
  for (const spot of template.spots) {
    const lastGroup = Math.floor((spot.tokenOffset + token.length - 1) / 3);
    const start = spot.firstGroup * 3;
    const end = Math.min((lastGroup + 1) * 3, spot.source.length);
    const bytes = Buffer.from(spot.source.subarray(start, end));
    token.copy(bytes, spot.tokenOffset - start);
    const encoded = bytes.toString("base64");
    // Groups never straddle a line break: 76 characters are 19 whole groups.
    for (let group = 0; group * 4 < encoded.length; group += 1) {
      const at = spot.groupsAt + wrappedIndex((spot.firstGroup + group) * 4);
      body.write(encoded.slice(group * 4, group * 4 + 4), at, "latin1");
    }
  }
  return Buffer.concat([Buffer.from(head, "latin1"), body]);
}
