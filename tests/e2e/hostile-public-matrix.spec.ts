import { expect, test, type APIRequestContext } from '@playwright/test';
import { demoArticles, demoAuthors, demoTopics } from '../../prisma/demo/content';
import { containsMarkup, hostileStrings } from '../support/hostile-inputs';
import { classesOf, publicParameters, type PublicParameter } from '../support/public-parameters';

// Every public query parameter and route segment against every hostile string, in two layers. Rendering 955
// strings in 31 addresses over HTTP would take the suite's whole time budget (hostile-public.spec.ts sends each
// string to one address in turn instead), so tests/unit/hostile-public-params.test.ts feeds every string to the
// real parsers and pages and proves how they sort the strings into equivalence classes; here the same parsers
// classify the strings again and one string of each class of each parameter is requested from the running app:
// no 5xx, the status its class calls for (404 for an unknown segment, a malformed page number), and no markup in
// the value coming back unescaped. The one parameter whose handling depends on each string beyond its class, the
// search text (its words become a full-text query), hostile-public.spec.ts sends string by string.

test.describe.configure({ timeout: 120_000 });

const strings = hostileStrings();
const parameters = publicParameters({
  article: demoArticles.find((article) => article.status === 'PUBLISHED')!.slug,
  author: demoAuthors[0]!.slug,
  topic: demoTopics[0]!.slug,
});

type Probe = { parameter: PublicParameter; className: string; value: string; size: number };

async function probe(request: APIRequestContext, { parameter, className, value }: Probe): Promise<string[]> {
  const url = parameter.url(value);
  const where = `${parameter.name} [${className}] ${JSON.stringify(url)}`;
  let response;
  try {
    response = await request.get(url, { maxRedirects: 0, failOnStatusCode: false, timeout: 30_000 });
  } catch (error) {
    return [`${where}: no response (${(error as Error).message.split('\n')[0]})`];
  }
  const findings: string[] = [];
  const status = response.status();
  if (status >= 500) findings.push(`${where}: HTTP ${status}`);
  // Empty and dot segments never reach the route (a redirect, another page): only "no 5xx" holds for them.
  const reachesTheRoute = parameter.kind === 'query' || className.endsWith('own segment');
  const expected = parameter.statuses(parameter.outcome(value));
  if (reachesTheRoute && !expected.includes(status)) findings.push(`${where}: HTTP ${status}, expected ${expected.join(' or ')}`);
  const type = response.headers()['content-type'] ?? '';
  if (containsMarkup(value) && /html|xml/.test(type) && (await response.text()).includes(value)) findings.push(`${where}: the value is reflected unescaped`);
  return findings;
}

test('one string of each equivalence class of every public parameter and route segment: no 5xx, the status of its class, nothing reflected', async ({ request }) => {
  const probes: Probe[] = parameters.flatMap((parameter) =>
    [...classesOf(parameter, strings)].map(([className, { representative, size }]) => ({ parameter, className, value: representative, size })),
  );
  // Every parameter has classes with and without markup; every string is in exactly one class of each.
  for (const parameter of parameters) {
    const own = probes.filter((candidate) => candidate.parameter === parameter);
    expect(own.length, parameter.name).toBeGreaterThanOrEqual(2);
    expect(own.reduce((sum, candidate) => sum + candidate.size, 0), parameter.name).toBe(strings.length);
  }

  const findings: string[] = [];
  let next = 0;
  let requests = 0;
  // A few at a time: concurrent traffic for the server without flooding two shared cores.
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < probes.length) {
        const current = probes[next++]!;
        requests += 1;
        findings.push(...(await probe(request, current)));
      }
    }),
  );
  console.log(
    `hostile public matrix: ${strings.length} strings × ${parameters.length} parameters = ${strings.length * parameters.length} values through the parsers, ` +
      `${probes.length} equivalence classes, ${requests} HTTP requests, ${findings.length} findings`,
  );
  expect(findings).toEqual([]);
});
