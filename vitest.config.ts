// Two Vitest projects. "unit": the tests beside the code, which need nothing
// running (`npm run test:unit` starts no database, MailDev or emulator).
// "integration": test/integration, against the PostgreSQL, MailDev and Stripe
// emulator that scripts/test.ts provides (`npm run test:integration`).
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: ["node_modules/**", "e2e/**", "test/**", ".next/**", ".data/**", "dist/**"],
        },
      },
      { extends: true, test: { name: "integration", include: ["test/integration/**/*.test.ts"] } },
    ],
  },
});
