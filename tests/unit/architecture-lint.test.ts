// The house plan's import direction is enforced by lint: these snippets break it and must be caught.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('import direction', () => {
  it('keeps React, Dexie, the DOM and fetch out of src/domain', async () => {
    const found = await problems(
      'src/domain/example.ts',
      `import { useState } from 'react';\nimport Dexie from 'dexie';\nexport const a = [useState, Dexie, document.title, fetch];\n`,
    );
    expect(found.filter((p) => p.startsWith('no-restricted-imports'))).toHaveLength(2);
    expect(found.filter((p) => p.startsWith('no-restricted-globals'))).toHaveLength(2);
  });

  it('refuses a domain module importing the database room', async () => {
    const found = await problems('src/domain/example.ts', `import { getDb } from '../db';\nexport const a = getDb;\n`);
    expect(found.some((p) => p.startsWith('boundaries/element-types'))).toBe(true);
  });

  it("refuses a feature importing another feature's insides or its index", async () => {
    const inside = await problems(
      'src/features/intake/Example.tsx',
      `import { DeskProfileForm } from '../settings/DeskProfileForm';\nexport const a = DeskProfileForm;\n`,
    );
    expect(inside.some((p) => p.startsWith('boundaries/element-types'))).toBe(true);
    const index = await problems('src/features/intake/Example.tsx', `import { SettingsPage } from '../settings';\nexport const a = SettingsPage;\n`);
    expect(index.some((p) => p.startsWith('boundaries/element-types'))).toBe(true);
  });

  it('refuses the database room reaching up into a feature', async () => {
    const found = await problems('src/db/example.ts', `import { SettingsPage } from '../features/settings';\nexport const a = SettingsPage;\n`);
    expect(found.some((p) => p.startsWith('boundaries/element-types'))).toBe(true);
  });

  it('allows what the plan allows', async () => {
    expect(
      await problems(
        'src/features/intake/Example.tsx',
        `import { getDb } from '../../db';\nimport { PageHeader } from '../../shared';\nexport const a = [getDb, PageHeader];\n`,
      ),
    ).toEqual([]);
    expect(await problems('src/app/Example.tsx', `import { SettingsPage } from '../features/settings';\nexport const a = SettingsPage;\n`)).toEqual([]);
  });
});
