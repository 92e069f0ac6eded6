import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const frameworkImports = {
  patterns: [
    { group: ["next", "next/*", "next-auth", "next-auth/*"], message: "lib/assessment is the pure clinical engine: no framework imports." },
    { group: ["react", "react/*", "react-dom", "react-dom/*", "react-hook-form"], message: "lib/assessment is the pure clinical engine: no React." },
    {
      group: ["@prisma/*", "pg", "**/generated/prisma/**", "**/lib/db", "**/lib/data/*", "@/lib/db", "@/lib/data/*", "server-only"],
      message: "lib/assessment is the pure clinical engine: no database or server access.",
    },
    { group: ["node:*", "fs", "path", "http", "https", "child_process"], message: "lib/assessment is the pure clinical engine: no I/O." },
    { group: ["@/*"], message: "lib/assessment uses relative imports only, so any TypeScript runner can load it." },
  ],
};

// The database is reached only through lib/data, which checks authorization and scopes by clinic on every call.
const databaseImports = {
  group: ["@/lib/db", "**/lib/db", "../db", "./db", "**/generated/prisma/**", "@prisma/*"],
  message: "Only lib/data (and scripts, tests) may reach the database: call a lib/data function, which checks authorization.",
};
// Actors are made only where a credential was just checked (lib/data/actors.ts says why).
const actorMinting = {
  group: ["**/actor-mint", "@/lib/data/actor-mint"],
  message:
    "Only a credential check makes an actor (lib/auth/session.ts, lib/data/users.ts, intake-link.ts, api-tokens.ts) and the test factories: take the actor you were given.",
};
const mayMintActors = [
  "lib/auth/session.ts",
  "lib/data/users.ts",
  "lib/data/intake-link.ts",
  "lib/data/api-tokens.ts",
  "prisma/factories.ts",
  "e2e/**",
  "**/*.test.ts",
  "**/*.test.tsx",
];

const config = [
  { ignores: [".next/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "bench/out/**"] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name=/^\\$(queryRawUnsafe|executeRawUnsafe)$/]",
          message: "Raw SQL from strings is banned (security-requirements §2 #19): use tagged $queryRaw.",
        },
      ],
    },
  },
  {
    files: ["lib/assessment/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [...frameworkImports.patterns, actorMinting] }] },
  },
  {
    // The engine modules the summary review's form reaches in the browser (components/summary/summary-editor.tsx
    // → edits.ts → plan.ts → exercises.ts): no zod, and the settings module (which carries its schema) by type
    // only. A value import once put zod in that page's first load, 26.9 → 52.2 KB (bench, 7 Dec).
    files: ["lib/assessment/edits.ts", "lib/assessment/plan.ts", "lib/assessment/exercises.ts", "lib/assessment/terrain-advice.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["zod", "zod/*"], message: "This module ships to the summary review's browser bundle: no zod here." },
            { group: ["./settings", "./*-schema"], allowTypeImports: true, message: "Import the type only: the value brings zod into the browser bundle." },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "proxy.ts"],
    ignores: ["lib/data/**", "lib/db.ts", "lib/assessment/**", ...mayMintActors],
    rules: { "no-restricted-imports": ["error", { patterns: [databaseImports, actorMinting] }] },
  },
  {
    // May mint an actor, still may not reach the database.
    files: ["lib/auth/session.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [databaseImports] }] },
  },
  {
    files: ["lib/data/**/*.ts", "scripts/**/*.ts", "bench/**/*.ts", "prisma/**/*.ts"],
    ignores: mayMintActors,
    rules: { "no-restricted-imports": ["error", { patterns: [actorMinting] }] },
  },
  {
    files: ["scripts/**/*.ts", "e2e/**/*.ts", "bench/**/*.ts", "**/*.test.ts"],
    // Playwright fixtures call a function named `use`, which is not React's.
    rules: { "@next/next/no-html-link-for-pages": "off", "react-hooks/rules-of-hooks": "off" },
  },
];

export default config;
