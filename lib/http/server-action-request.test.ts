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

  it("leaves alone what is not an action call", async () => {
    expect(await refuseActionRequest(new Request("http://localhost/", { method: "POST", body: "0" }))).toBeNull();
    expect(
      await refuseActionRequest(new Request("http://localhost/", { headers: { "next-action": "00ab" } })),
    ).toBeNull();
  });
});
