// The session lookup Auth.js makes on every signed-in request, in one query,
// against real PostgreSQL: it must hand over what the stock adapter did.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { getSessionAndUser } from "@/lib/auth/session-adapter";
import { db } from "@/lib/db/prisma";
import { createReader } from "../fixtures/readers";

async function sessionFor(userId: string) {
  const sessionToken = randomBytes(16).toString("hex");
  const expires = new Date(Date.now() + 24 * 60 * 60 * 1000);
  await db().session.create({ data: { sessionToken, userId, expires } });
  return { sessionToken, expires };
}

describe("getSessionAndUser", () => {
  it("finds the session and its user, role and comp grant included, as the stock adapter does", async () => {
    const reader = await createReader();
    const compUntil = new Date("2027-01-31T00:00:00.000Z");
    await db().user.update({ where: { id: reader.id }, data: { role: "editor", compUntil, name: "Ada" } });
    const { sessionToken, expires } = await sessionFor(reader.id);

    const found = await getSessionAndUser(sessionToken);
    expect(found).toEqual({
      session: { sessionToken, userId: reader.id, expires },
      user: {
        id: reader.id,
        email: reader.email,
        name: "Ada",
        image: null,
        emailVerified: null,
        role: "editor",
        compUntil,
      },
    });
    const stock = await PrismaAdapter(db() as unknown as Parameters<typeof PrismaAdapter>[0]).getSessionAndUser!(
      sessionToken,
    );
    expect(found!.session).toEqual({
      sessionToken: stock!.session.sessionToken,
      userId: stock!.session.userId,
      expires: stock!.session.expires,
    });
    expect(found!.user).toMatchObject({ id: stock!.user.id, email: stock!.user.email, role: "editor", compUntil });
  });

  it("finds nothing for an unknown or deleted session", async () => {
    const reader = await createReader();
    const { sessionToken } = await sessionFor(reader.id);
    expect(await getSessionAndUser(randomBytes(16).toString("hex"))).toBeNull();
    await db().session.delete({ where: { sessionToken } });
    expect(await getSessionAndUser(sessionToken)).toBeNull();
  });
});
