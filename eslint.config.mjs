// ESLint: Next.js's own rules (React, React hooks, accessibility, Core Web
// Vitals) and typescript-eslint's. Formatting is Prettier's (.prettierrc.json),
// so no rule here is about layout.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([
    ".next/**",
    ".data/**",
    "node_modules/**",
    "lib/db/generated/**",
    "dist/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
]);
