import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const alias = {
  "@": root,
  // The real package throws outside React Server Components; tests call server code directly.
  "server-only": path.join(root, "test", "server-only-stub.ts"),
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts", "bench/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
          // A test that imports a page or renders every example case can take seconds on a busy two-core
          // machine (the default 5 s failed one under load); speed is measured in `npm run bench`, not here.
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["lib/**/*.int.test.ts", "scripts/**/*.int.test.ts", "test/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["test/integration-global-setup.ts"],
          setupFiles: ["test/integration-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Files share one freshly migrated database; each test makes its own clinic and rows.
          fileParallelism: true,
        },
      },
    ],
  },
});
