import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ImportFileError } from "../import-source";
import { MAX_RECORD_CHARS, openMembersCsv, type MembersCsvRecord } from "./members-csv";

const dir = mkdtempSync(path.join(tmpdir(), "folio-members-csv-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function file(content: string | Buffer): string {
  const name = path.join(dir, `members-${(files += 1)}.csv`);
  writeFileSync(name, content);
  return name;
}

async function recordsOf(content: string | Buffer): Promise<MembersCsvRecord[]> {
  const csv = await openMembersCsv(file(content));
  const records: MembersCsvRecord[] = [];
  for await (const record of csv.records) records.push(record);
  return records;
}

async function refusal(content: string | Buffer): Promise<string> {
  const error = await recordsOf(content).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return (error as Error).message;
}

const HEADER = "email,name,subscribed_to_emails";

describe("openMembersCsv", () => {
  it("detects the format and names the columns, without a byte order mark", async () => {
    const csv = await openMembersCsv(file(`\uFEFF${HEADER}\nann@example.org,Ann,true\n`));
    expect(csv.format).toBe("ghost-members");
    expect(csv.columns).toEqual(["email", "name", "subscribed_to_emails"]);
    await csv.close();
  });

  it("gives each record its cells by column and its field count", async () => {
    const [ann, bob] = await recordsOf(`${HEADER}\nann@example.org,Ann,true\nbob@example.org,"Bob, Jr.",false,extra\n`);
    expect(ann).toEqual({
      line: 2,
      fields: 3,
      cells: new Map([
        ["email", "ann@example.org"],
        ["name", "Ann"],
        ["subscribed_to_emails", "true"],
      ]),
    });
    expect(bob!.fields).toBe(4);
    expect(bob!.cells.get("name")).toBe("Bob, Jr.");
  });

  it.each([
    ["LF", "\n"],
    ["CRLF", "\r\n"],
  ])("numbers the line each record starts on (%s), past empty lines and line breaks in cells", async (_, eol) => {
    const lines = [
      HEADER,
      "a@example.org,A,true",
      "",
      "",
      `b@example.org,"Two${eol}line name",true`,
      `c@example.org,"Three${eol}line${eol}name",true`,
      "d@example.org,D,true",
    ];
    const records = await recordsOf(lines.join(eol) + eol);
    expect(records.map((record) => [record.cells.get("email"), record.line])).toEqual([
      ["a@example.org", 2],
      ["b@example.org", 5],
      ["c@example.org", 7],
      ["d@example.org", 10],
    ]);
  });

  it("numbers lines right when cells hold CRLF in a file of LF lines", async () => {
    const records = await recordsOf(`${HEADER}\na@example.org,"x\r\ny",true\nb@example.org,B,true\n`);
    expect(records.map((record) => record.line)).toEqual([2, 4]);
  });

  it("refuses an empty file and a file of empty lines", async () => {
    expect(await refusal("")).toContain("the file is empty");
    expect(await refusal("\n\n\n")).toContain("the file is empty");
  });

  it("refuses a binary file as no members CSV at all", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe]);
    expect(await refusal(png)).toBe(
      "This is not a Ghost members CSV or a Substack subscriber CSV: it is not UTF-8 text.",
    );
    const noise = Buffer.from(Array.from({ length: 5_000 }, (_, index) => (index * 7_919) % 256));
    expect(await refusal(noise)).toMatch(/^This is not a Ghost members CSV or a Substack subscriber CSV: /);
  });

  it("refuses a file that is not UTF-8, naming the line", async () => {
    const latin1 = Buffer.concat([
      Buffer.from(`${HEADER}\nann@example.org,Ann,true\nzoe@example.org,Zo`),
      Buffer.from([0xeb]),
      Buffer.from(",true\n"),
    ]);
    expect(await refusal(latin1)).toContain("line 3 is not UTF-8 text");
  });

  it("refuses a record longer than any members row, and a quote never closed, naming the line", async () => {
    const long = `${HEADER}\nann@example.org,Ann,true\nbob@example.org,${"x".repeat(MAX_RECORD_CHARS + 10)},true\n`;
    expect(await refusal(long)).toMatch(/the record on line 3 is longer than 32,768 characters/);
    expect(await refusal(`${HEADER}\nann@example.org,"Ann,true\nbob@example.org,Bob,true\n`)).toContain(
      "opened by line",
    );
    expect(await refusal(`${HEADER}\nann@example.org,"Ann"x,true\n`)).toContain("on line 2 a quoted cell goes on");
  });

  it("reads a 10,000-character cell: it is for the row's reader to refuse", async () => {
    const [record] = await recordsOf(`${HEADER}\nann@example.org,${"n".repeat(10_000)},true\n`);
    expect(record!.cells.get("name")).toHaveLength(10_000);
  });

  it("fails with the file system's error for a file it cannot read, and the process goes on", async () => {
    await expect(openMembersCsv(path.join(dir, "missing.csv"))).rejects.toMatchObject({ code: "ENOENT" });
    await expect(openMembersCsv(dir)).rejects.toMatchObject({ code: "EISDIR" });
  });

  it("refuses a CSV that is not a members CSV before reading on", async () => {
    expect(await refusal("title,slug\nHello,hello\n")).toContain('no "email" column');
  });
});
