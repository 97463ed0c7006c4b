import { describe, expect, it } from "vitest";
import { refuseActionRequest } from "./server-action-request";

const action = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://localhost/admin/x", { method: "POST", body, headers: { "next-action": "00ab", ...headers } });

const multipart = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return action(form);
};

describe("refuseActionRequest", () => {
  it("lets through what React's encodeReply sends: a JSON list, as text or as the multipart root", async () => {
    expect(await refuseActionRequest(action("[]", { "content-type": "text/plain;charset=UTF-8" }))).toBeNull();
    expect(await refuseActionRequest(action('["a",1,"$undefined"]'))).toBeNull();
    expect(await refuseActionRequest(multipart({ "0": '["$K1"]', "1_title": "x" }))).toBeNull();
  });

  it("refuses arguments Next.js could not apply the action to", async () => {
    for (const request of [
      action(""),
      action("0"),
      action('{"a":1}'),
      action('["$@1"]'),
      multipart({ "0": "0" }),
      multipart({ "0": '{"a":"$@1"}' }),
      multipart({ "0": "not json" }),
      multipart({ $ACTION_ID_00ab: "" }),
    ]) {
      expect(await refuseActionRequest(request)).toEqual({
        status: 400,
        message: "Bad request: the action's arguments could not be read.",
      });
    }
  });

  describe("a form posted without JavaScript", () => {
    const form = (fields: Record<string, string>) => {
      const body = new FormData();
      for (const [name, value] of Object.entries(fields)) body.set(name, value);
      return new Request("http://localhost/articles/x", { method: "POST", body });
    };
    // What React's server rendering writes for unlockArticleAction.bind(null, slug) under useActionState.
    const rendered = {
      $ACTION_REF_1: "",
      "$ACTION_1:0": '{"id":"40ab","bound":"$@1"}',
      "$ACTION_1:1": '["a-slug"]',
      $ACTION_KEY: "k1",
      email: "reader@example.com",
    };

    it("lets through the form as rendered, an action without bound arguments and a plain form", async () => {
      expect(await refuseActionRequest(form(rendered))).toBeNull();
      expect(await refuseActionRequest(form({ ...rendered, "$ACTION_1:0": '{"id":"40ab","bound":null}' }))).toBeNull();
      expect(await refuseActionRequest(form({ $ACTION_ID_40ab: "", email: "x" }))).toBeNull();
      expect(await refuseActionRequest(form({ title: "$@1" }))).toBeNull();
    });

    it("refuses bound fields React could not decode", async () => {
      const tampered: Record<string, string>[] = [
        { "$ACTION_1:1": "\u202eevil" },
        { "$ACTION_1:1": '["$@2"]' },
        { "$ACTION_1:1": '"a-slug"' },
        { "$ACTION_1:0": "not json" },
        { "$ACTION_1:0": '["40ab"]' },
        { "$ACTION_1:0": '{"id":"$@1","bound":null}' },
        { "$ACTION_1:0": '{"id":"40ab","bound":"$@5"}' },
        { "$ACTION_1:0": '{"id":"40ab","bound":["a-slug"]}' },
        { $ACTION_REF_2: "" },
      ];
      for (const fields of tampered) {
        expect(await refuseActionRequest(form({ ...rendered, ...fields })), JSON.stringify(fields)).toEqual({
          status: 400,
          message: "Bad request: the form's action could not be read.",
        });
      }
    });
  });

  it("leaves alone what is not an action call", async () => {
    expect(await refuseActionRequest(new Request("http://localhost/", { method: "POST", body: "0" }))).toBeNull();
    expect(
      await refuseActionRequest(new Request("http://localhost/", { headers: { "next-action": "00ab" } })),
    ).toBeNull();
  });
});
