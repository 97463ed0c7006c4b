import { describe, expect, it } from "vitest";
import { readUnsupportedFields } from "./unsupported-fields";

const schema = `
model Article {
  id           String                   @id
  // a comment mentioning Unsupported("nothing") is not a field
  searchVector Unsupported("tsvector")? @default(dbgenerated()) @map("search_vector")
  embedding    Unsupported("vector(3)") @default(dbgenerated("'[0,0,0]'::vector"))
  shapes       Unsupported("box")[]     @map(name: "the_shapes") // trailing comment

  @@map("articles")
}

model Tag {
  id String @id
}
`;

describe("readUnsupportedFields", () => {
  it("reads each Unsupported field with its column, optionality and dbgenerated default", () => {
    const fields = readUnsupportedFields(schema);
    expect([...fields.keys()]).toEqual(["Article"]);
    expect(fields.get("Article")).toEqual([
      {
        name: "searchVector",
        dbName: "search_vector",
        kind: "unsupported",
        type: "tsvector",
        isList: false,
        isRequired: false,
        default: { name: "dbgenerated", args: [] },
      },
      {
        name: "embedding",
        dbName: null,
        kind: "unsupported",
        type: "vector(3)",
        isList: false,
        isRequired: true,
        default: { name: "dbgenerated", args: ["'[0,0,0]'::vector"] },
      },
      { name: "shapes", dbName: "the_shapes", kind: "unsupported", type: "box", isList: true, isRequired: true },
    ]);
  });
});
