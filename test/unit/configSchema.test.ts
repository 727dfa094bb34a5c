/**
 * The configuration schema follows the `ConfigFile` type: every setting the type declares is in the
 * schema and the schema has none the type lacks, read from the type's own source with the compiler.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const CONFIG_SOURCE = join(ROOT, 'server', 'src', 'core', 'config', 'config.ts');

/** Property names of an interface (or of one of its members' inline object types) in a source file. */
function declaredKeys(interfaceName: string, member?: string): string[] {
  const source = ts.createSourceFile(CONFIG_SOURCE, readFileSync(CONFIG_SOURCE, 'utf8'), ts.ScriptTarget.Latest, true);
  const declaration = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === interfaceName,
  );
  if (!declaration) throw new Error(`${interfaceName} is not declared in ${CONFIG_SOURCE}`);
  let members: ts.NodeArray<ts.TypeElement> = declaration.members;
  if (member) {
    const property = members.find((m) => m.name?.getText(source) === member);
    if (!property || !ts.isPropertySignature(property) || !property.type || !ts.isTypeLiteralNode(property.type)) {
      throw new Error(`${interfaceName}.${member} is not an inline object type`);
    }
    members = property.type.members;
  }
  return members.map((m) => m.name!.getText(source)).sort();
}

describe('the configuration schema and the ConfigFile type', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'hindsight.schema.json'), 'utf8'));

  it('name the same settings', () => {
    const inSchema = Object.keys(schema.properties).filter((key) => key !== '$schema');
    assert.deepEqual(inSchema.sort(), declaredKeys('ConfigFile'));
  });

  it('name the same frontmatter settings', () => {
    assert.deepEqual(
      Object.keys(schema.properties.frontmatter.properties).sort(),
      declaredKeys('ConfigFile', 'frontmatter'),
    );
  });
});
