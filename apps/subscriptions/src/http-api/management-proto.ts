import '@grpc/proto-loader'; // registers google/protobuf/descriptor.proto with protobufjs (imported by google/api/http)
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import * as protobuf from 'protobufjs';
import { PROTO_FILES, protoRoot } from '@webhooks/contracts';

/**
 * The management API's descriptors as a protobufjs Root, with comments and proto field names.
 * Field names stay as written in the .proto (`keepCase`) because the HTTP API answers in
 * snake_case; comments are kept (`alternateCommentMode`) because the OpenAPI document uses them
 * as descriptions. The gRPC server loads the same file through proto-loader.
 */
export function loadManagementRoot(): protobuf.Root {
  const root = new protobuf.Root();
  const includeDir = protoRoot();
  root.resolvePath = (_origin, target) => {
    if (isAbsolute(target)) return target;
    const inRepo = join(includeDir, target);
    // Anything not vendored under proto/ (google/protobuf/*) is one of protobufjs' bundled files.
    return existsSync(inRepo) ? inRepo : target;
  };
  root.loadSync(PROTO_FILES.management, { keepCase: true, alternateCommentMode: true });
  root.resolveAll();
  return root;
}

/** The services of the management API's package, in declaration order. */
export function managementServices(root: protobuf.Root): protobuf.Service[] {
  const pkg = root.lookup('webhooks.v1');
  if (!(pkg instanceof protobuf.Namespace)) throw new Error('package webhooks.v1 not found in management.proto');
  return pkg.nestedArray.filter((nested): nested is protobuf.Service => nested instanceof protobuf.Service);
}
