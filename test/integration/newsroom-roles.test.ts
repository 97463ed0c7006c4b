// Roles, the command line's first admin, and the audit log, against real
// PostgreSQL. Route-level checks live beside each newsroom area's tests.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { accessForArticle, isSubscriber } from "@/lib/access/article-access";
import { db } from "@/lib/db/prisma";
import { actorOf, COMMAND_LINE, ForbiddenError } from "@/lib/auth/actor";
import { listAudit } from "@/lib/audit/audit-log";
import { changeRole } from "@/lib/newsroom/change-role";
import { createArticle, uniqueSuffix } from "../fixtures/articles";
import { createReader } from "../fixtures/readers";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

async function personWith(role: "reader" | "editor" | "admin") {
  const user = await createReader();
  return db().user.update({ where: { id: user.id }, data: { role } });
}

describe("changing roles", () => {
  it("is for admins: a reader or an editor is refused and nothing changes", async () => {
    const target = await createReader();
    for (const role of ["reader", "editor"] as const) {
      const actor = actorOf(await personWith(role));
      await expect(changeRole(actor, { email: target.email, role: "admin" })).rejects.toThrow(ForbiddenError);
    }
    expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("reader");
    expect(await db().auditEntry.count({ where: { subject: target.email } })).toBe(0);
  });

  it("changes the role and writes who did it to the audit log", async () => {
    const admin = await personWith("admin");
    const target = await createReader();
    const result = await changeRole(actorOf(admin), { email: target.email.toUpperCase(), role: "editor" });
    expect(result).toMatchObject({ kind: "changed", from: "reader", to: "editor", created: false });
    expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("editor");
    const [entry] = await db().auditEntry.findMany({ where: { subject: target.email } });
    expect(entry).toMatchObject({
      actorId: admin.id,
      actor: admin.email,
      action: "role.change",
      details: { from: "reader", to: "editor" },
    });
    // Again: nothing to change, nothing logged.
    expect((await changeRole(actorOf(admin), { email: target.email, role: "editor" })).kind).toBe("unchanged");
    expect(await db().auditEntry.count({ where: { subject: target.email } })).toBe(1);
  });

  it("does not let an admin demote themselves, nor invent accounts from the UI", async () => {
    const admin = await personWith("admin");
    expect((await changeRole(actorOf(admin), { email: admin.email, role: "reader" })).kind).toBe("own-admin-role");
    expect(
      (await changeRole(actorOf(admin), { email: `nobody-${uniqueSuffix()}@example.org`, role: "editor" })).kind,
    ).toBe("not-found");
    expect((await changeRole(actorOf(admin), { email: "not an address", role: "editor" })).kind).toBe("invalid-email");
  });

  it("applies parallel changes to one person in turn, each logged", async () => {
    const [first, second] = [await personWith("admin"), await personWith("admin")];
    const target = await createReader();
    const results = await Promise.all([
      changeRole(actorOf(first), { email: target.email, role: "editor" }),
      changeRole(actorOf(second), { email: target.email, role: "editor" }),
    ]);
    expect(results.map((result) => result.kind).sort()).toEqual(["changed", "unchanged"]);
    expect(await db().auditEntry.count({ where: { subject: target.email } })).toBe(1);
  });
});

// Each case starts tsx processes, which takes seconds on a loaded machine.
describe("npm run admin:add", { timeout: 180_000 }, () => {
  it("makes an address an admin, creating the account, and logs it as the command line", async () => {
    const email = `chief-${uniqueSuffix()}@example.org`;
    const { stdout } = await run("npx", ["tsx", "scripts/admin-add.ts", email], { cwd: root, env: process.env });
    expect(stdout).toContain(`${email} is now an admin`);
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(user.role).toBe("admin");
    const [entry] = await db().auditEntry.findMany({ where: { subject: email } });
    expect(entry).toMatchObject({ actorId: null, actor: COMMAND_LINE.label, action: "role.change" });
  });

  it("refuses a bad address or role with a message and changes nothing", async () => {
    const before = await db().user.count();
    const bad = run("npx", ["tsx", "scripts/admin-add.ts", "not-an-address"], { cwd: root, env: process.env });
    await expect(bad).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("not a valid email address") });
    const badRole = run("npx", ["tsx", "scripts/admin-add.ts", "x@example.org", "--role", "owner"], {
      cwd: root,
      env: process.env,
    });
    await expect(badRole).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--role must be admin or editor"),
    });
    expect(await db().user.count()).toBe(before);
  });
});

describe("the audit log", () => {
  it("is read by admins only", async () => {
    await expect(listAudit(actorOf(await personWith("editor")), { page: 1 })).rejects.toThrow(ForbiddenError);
    const page = await listAudit(actorOf(await personWith("admin")), { page: 1, perPage: 5 });
    expect(page.entries.length).toBeLessThanOrEqual(5);
  });
});

describe("complimentary All-Access", () => {
  it("lets a comped reader read a gated article whole, and stops when it ends", async () => {
    const reader = await createReader();
    const article = await createArticle({ free: false });
    const now = new Date();
    const comped = { ...reader, role: "reader" as const, compUntil: new Date(now.getTime() + 86_400_000) };
    expect((await accessForArticle(comped, article, now)).decision).toEqual({ level: "full", reason: "comp" });
    expect(await isSubscriber(comped, now)).toBe(true);
    const ended = { ...comped, compUntil: new Date(now.getTime() - 1000) };
    expect((await accessForArticle(ended, article, now)).decision).toEqual({
      level: "preview",
      reason: "quota-available",
    });
    expect(await isSubscriber(ended, now)).toBe(false);
  });
});
