// Applies the dependency patches in patches/ (see patches/README.md) after `npm install` /
// `npm ci`. Each patch replaces one file of one exact package version; the original is
// recognised by its SHA-256, so a changed dependency fails loudly instead of being patched
// blindly. Idempotent: an already patched file is left alone.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const PATCHES = [
  {
    pkg: 'kafkajs',
    version: '2.2.4',
    file: 'src/producer/sendMessages.js',
    originalSha256: '8a120e6993955e040a13014cccebd79b8d41e7355d6eda1065fa83fea2fbbcdb',
  },
  {
    pkg: 'kafkajs',
    version: '2.2.4',
    file: 'src/protocol/encoder.js',
    originalSha256: '9977889e184a9e910e4f6098c36ec6a0ca36c183aa6ead0f24191b6aa1c9a777',
    // Earlier versions of the patch, replaced by the current one on install.
    previousPatchSha256: ['e867aff586576dc82da290af45bb2077c98fb06d3839e64f0ee81a1f3621f8f5'],
  },
  {
    pkg: 'kafkajs',
    version: '2.2.4',
    file: 'src/producer/eosManager/index.js',
    originalSha256: 'a74ae029d7aa786b8616b77f922d30a81bec2833878769dbfa6b4a9dab66db22',
  },
  {
    pkg: 'kafkajs',
    version: '2.2.4',
    file: 'src/protocol/recordBatch/crc32C/crc32C.js',
    originalSha256: '1c09c7a44e7a207f2dabb920e6bf9f6b1b3fd9cc023e959a9e91ba83e5b6f61a',
  },
  {
    pkg: 'kafkajs',
    version: '2.2.4',
    file: 'src/network/requestQueue/index.js',
    originalSha256: 'b55986089c14f8f7bfc377922e2e65b3e4c1e7c7af2752d3b10a75dfe9e9260c',
  },
  {
    pkg: 'kafkajs',
    version: '2.2.4',
    file: 'src/protocol/requests/produce/v3/request.js',
    originalSha256: '993a3db997827088f5acb08cacf3c67a99ec2886303ff465d244329b8a1c7f99',
  },
];

const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');
let failed = false;
for (const { pkg, version, file, originalSha256, previousPatchSha256 = [] } of PATCHES) {
  const dir = join(root, 'node_modules', pkg);
  if (!existsSync(join(dir, 'package.json'))) continue; // not installed (e.g. a partial install)
  const installed = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  const target = join(dir, file);
  const patched = join(root, 'patches', `${pkg}@${version}`, file);
  const label = `${pkg}@${installed} ${file}`;
  if (installed !== version) {
    console.error(`patch-dependencies: ${label}: the patch is for ${version}; review patches/ before upgrading`);
    failed = true;
  } else if (sha256(target) === sha256(patched)) {
    console.log(`patch-dependencies: ${label} already patched`);
  } else if (sha256(target) === originalSha256 || previousPatchSha256.includes(sha256(target))) {
    copyFileSync(patched, target);
    console.log(`patch-dependencies: ${label} patched`);
  } else {
    console.error(`patch-dependencies: ${label} is neither the known original nor the patch; not touched`);
    failed = true;
  }
}
if (failed) process.exit(1);
