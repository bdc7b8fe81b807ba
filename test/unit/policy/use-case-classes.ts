import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface UseCaseClass {
  file: string;
  name: string;
  type: new (...args: never[]) => object;
  /** Methods declared without `private`/`protected`, read from the source (TypeScript erases the modifiers). */
  publicMethods: { name: string; params: string[] }[];
}

const SRC = join(process.cwd(), 'src/modules');
const LIFECYCLE = new Set([
  'constructor',
  'onModuleInit',
  'onModuleDestroy',
  'onApplicationBootstrap',
  'onApplicationShutdown',
  'beforeApplicationShutdown',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Exported classes of a file, each with its public method names. */
function declaredClasses(path: string): { name: string; publicMethods: UseCaseClass['publicMethods'] }[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest);
  const hidden = (member: ts.ClassElement) =>
    ts.canHaveModifiers(member) &&
    (ts.getModifiers(member) ?? []).some(
      (m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword,
    );
  return source.statements.filter(ts.isClassDeclaration).flatMap((node) => {
    const exported = (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported || !node.name) return [];
    const publicMethods = node.members
      .filter(ts.isMethodDeclaration)
      .filter((member) => !hidden(member) && ts.isIdentifier(member.name))
      .map((member) => ({
        name: (member.name as ts.Identifier).text,
        params: member.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : '')),
      }))
      .filter(({ name }) => !LIFECYCLE.has(name));
    return [{ name: node.name.text, publicMethods }];
  });
}

/**
 * Every use-case class of src/modules: exported from a `use-cases/` folder, or named `…UseCase`. Found by reading
 * the tree, so a new use case is covered without anyone listing it.
 */
export async function useCaseClasses(): Promise<UseCaseClass[]> {
  const found: UseCaseClass[] = [];
  for (const path of sourceFiles(SRC)) {
    const file = relative(SRC, path);
    const classes = declaredClasses(path).filter(
      ({ name }) => file.includes('/use-cases/') || name.endsWith('UseCase'),
    );
    if (classes.length === 0) continue;
    const module = (await import(path)) as Record<string, UseCaseClass['type']>;
    for (const { name, publicMethods } of classes)
      found.push({ file, name, type: module[name], publicMethods });
  }
  return found;
}
