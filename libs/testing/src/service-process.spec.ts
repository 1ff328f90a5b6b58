import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, SERVICE_RUNTIME_ENV } from './service-process';

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
