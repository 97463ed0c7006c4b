import { describe, expect, it } from "vitest";
import { InvalidSettingsError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("runs on embedded defaults with nothing set", () => {
    const settings = parseEnv({});
    expect(settings.DATABASE_URL).toBeUndefined();
    expect(settings).toMatchObject({
      PORT: 3000,
      FREE_ARTICLES_PER_MONTH: 3,
      PREVIEW_PARAGRAPHS: 3,
      PUBLICATION_TIMEZONE: "UTC",
    });
  });

  it("gives confirmed readers behind one client address a higher sign-in budget than other addresses", () => {
    const settings = parseEnv({});
    expect(settings.SIGNIN_LIMIT_PER_IP_CONFIRMED).toBeGreaterThan(settings.SIGNIN_LIMIT_PER_IP);
  });

  it("reads numbers and treats empty values as unset", () => {
    const settings = parseEnv({ PORT: "8080", FREE_ARTICLES_PER_MONTH: "5", DATABASE_URL: "" });
    expect(settings).toMatchObject({ PORT: 8080, FREE_ARTICLES_PER_MONTH: 5 });
    expect(settings.DATABASE_URL).toBeUndefined();
  });

  it.each([
    ["PORT", "eighty"],
    ["PORT", "70000"],
    ["FREE_ARTICLES_PER_MONTH", "-1"],
    ["FREE_ARTICLES_PER_MONTH", "2.5"],
    ["PREVIEW_PARAGRAPHS", "0"],
    ["PUBLICATION_TIMEZONE", "Mars/Olympus_Mons"],
    ["DATABASE_URL", "mysql://localhost/folio"],
    ["DATABASE_URL", "not a url"],
    ["PUBLIC_URL", "folio.example.org"],
    ["AUTH_SECRET", "too-short"],
    ["DAILY_REVIEW_TIME", "25:00"],
    ["DAILY_REVIEW_TIME", "7am"],
    ["WEEKLY_REVIEW_DAY", "someday"],
    ["NEWSLETTER_BATCH_SIZE", "0"],
    ["SIGNIN_LIMIT_PER_IP_CONFIRMED", "0"],
  ])("stops on a bad %s (%j) and names it", (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(InvalidSettingsError);
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(`\\b${name}\\b`));
  });

  it("reads the newsletters' schedule: times of day and weekdays in any case", () => {
    expect(parseEnv({ DAILY_REVIEW_TIME: "06:30", FREE_NEWSLETTER_DAY: "Friday" })).toMatchObject({
      DAILY_REVIEW_TIME: "06:30",
      FREE_NEWSLETTER_DAY: "friday",
      WEEKLY_REVIEW_DAY: "saturday",
    });
  });

  it("wants both Stripe keys or neither", () => {
    expect(() => parseEnv({ STRIPE_SECRET_KEY: "sk_test_x" })).toThrow(/STRIPE_WEBHOOK_SECRET/);
    expect(() => parseEnv({ STRIPE_WEBHOOK_SECRET: "whsec_x" })).toThrow(/STRIPE_SECRET_KEY/);
    expect(parseEnv({ STRIPE_SECRET_KEY: "sk_test_x", STRIPE_WEBHOOK_SECRET: "whsec_x" }).STRIPE_SECRET_KEY).toBe(
      "sk_test_x",
    );
  });

  it("names every bad setting at once", () => {
    expect(() => parseEnv({ PORT: "x", PUBLICATION_TIMEZONE: "Nowhere" })).toThrow(/PORT[\s\S]*PUBLICATION_TIMEZONE/);
  });
});
