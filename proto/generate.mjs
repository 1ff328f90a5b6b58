// Generates TypeScript contracts from proto/ into libs/contracts/src/generated.
// `--check` regenerates into a temp dir and fails when the committed files differ,
// so the committed contracts can never drift from the .proto sources.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync, cpSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const protoRoot = join(root, 'proto');
const target = join(root, 'libs/contracts/src/generated');
const check = process.argv.includes('--check');

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

const protos = listFiles(protoRoot)
  .map((f) => relative(protoRoot, f))
  // Only our own packages are roots; vendored imports (google/api) are loaded, not generated.
  .filter((f) => f.endsWith('.proto') && f.startsWith('webhooks/'))
  .sort();

const out = mkdtempSync(join(tmpdir(), 'contracts-'));
try {
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/@grpc/proto-loader/build/bin/proto-loader-gen-types.js'),
      '--grpcLib=@grpc/grpc-js',
      '--longs=String',
      '--enums=String',
      '--defaults',
      '--oneofs',
      `--includeDirs=${protoRoot}`,
      `--outDir=${out}`,
      ...protos,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  // The generator writes each source's absolute path into a comment; make it relative so
  // the output is the same on every checkout.
  for (const file of listFiles(out)) {
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.split(protoRoot + '/').join('proto/'));
  }
  if (check) {
    const fresh = listFiles(out)
      .map((f) => relative(out, f))
      .sort();
    const committed = listFiles(target)
      .map((f) => relative(target, f))
      .sort();
    const drift = [
      ...fresh.filter(
        (f) => !committed.includes(f) || readFileSync(join(out, f), 'utf8') !== readFileSync(join(target, f), 'utf8'),
      ),
      ...committed.filter((f) => !fresh.includes(f)),
    ];
    if (drift.length) {
      console.error(
        `proto:check failed: generated contracts are stale (${drift.join(', ')}). Run npm run proto:generate.`,
      );
      process.exit(1);
    }
    console.log(`proto:check ok (${fresh.length} files)`);
  } else {
    rmSync(target, { recursive: true, force: true });
    cpSync(out, target, { recursive: true });
    console.log(`generated ${listFiles(target).length} files into ${relative(root, target)}`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
