import type { TestProject } from 'vitest/node';
import { createTemplates, TEST_PROVIDERS } from './support/databases.js';

// Migrates one template database per provider for the whole run; test files copy it.
export default async function setup(project: TestProject) {
  const templates = await createTemplates(TEST_PROVIDERS);
  project.provide('templates', { sqliteFile: templates.sqliteFile, postgresDatabase: templates.postgresDatabase });
  return () => templates.cleanup();
}

declare module 'vitest' {
  export interface ProvidedContext {
    templates: { sqliteFile?: string; postgresDatabase?: string };
  }
}
