import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT, SERVICE_NODE_ARGS, SERVICE_RUNTIME_ENV } from './service-process';

describe('SERVICE_RUNTIME_ENV', () => {
  it('matches the ENV of the production image, so local and test processes run as deployed', () => {
    const dockerfile = readFileSync(join(REPO_ROOT, 'deploy/docker/Dockerfile'), 'utf8');
    // The runtime stage's ENV instruction, its continuation lines joined.
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    const env = /^ENV (.+?)(?<!\\)$/ms.exec(runtime)?.[1].replace(/\\\n\s*/g, ' ') ?? '';
    for (const [name, value] of Object.entries(SERVICE_RUNTIME_ENV))
      expect(env.split(/\s+/)).toContain(`${name}=${value}`);
  });
});

describe('SERVICE_NODE_ARGS', () => {
  it("matches the Helm chart's default nodeArgs of every service", () => {
    const values = parse(readFileSync(join(REPO_ROOT, 'deploy/helm/webhook-platform/values.yaml'), 'utf8')) as Record<
      string,
      { nodeArgs?: string[] }
    >;
    for (const [service, args] of Object.entries(SERVICE_NODE_ARGS)) expect(values[service].nodeArgs).toEqual(args);
  });
});
