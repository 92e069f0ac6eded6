import type { TestProject } from "vitest/node";
import { prepareTestDatabase } from "../scripts/lib/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    appDatabaseUrl: string;
    ownerDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const db = await prepareTestDatabase("stride_integration");
  project.provide("appDatabaseUrl", db.appUrl);
  project.provide("ownerDatabaseUrl", db.ownerUrl);
  return () => db.cleanup();
}
