/**
 * A `fetch` that checks every GraphQL request against Linear's own schema (vendored SDL from
 * @linear/sdk), in-process: the document must validate and its variables must coerce to the
 * operation's variable types. Answers are executed against the same schema from a test's root
 * value, so a fixture missing a non-null field fails just as Linear's real answer never would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  execute,
  getVariableValues,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

const SDL = join(__dirname, '..', '..', 'contracts', 'linear-sdk-88.3.0.schema.graphql');
export const LINEAR_FIXTURES = join(__dirname, '..', '..', 'fixtures', 'trackers');

let schema: GraphQLSchema | undefined;
export function linearSchema(): GraphQLSchema {
  schema ??= buildSchema(readFileSync(SDL, 'utf8'));
  return schema;
}

export interface SeenOperation {
  name: string;
  variables: Record<string, unknown>;
  authorization: string;
}

/** `root`: resolvers and values the operation runs against; or a raw HTTP answer. */
export type LinearAnswer =
  { root: Record<string, unknown> } | { status: number; body: unknown; headers?: Record<string, string> };

/** Returns the problems with one request, in words; empty when Linear's schema accepts it. */
export function checkOperation(
  query: string,
  variables: Record<string, unknown>,
): { problems: string[]; document?: DocumentNode; operation?: OperationDefinitionNode } {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return { problems: [`syntax: ${(error as Error).message}`] };
  }
  const invalid = validate(linearSchema(), document).map((e) => e.message);
  if (invalid.length > 0) return { problems: invalid };
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const coerced = getVariableValues(linearSchema(), operation.variableDefinitions ?? [], variables);
  const problems = (coerced.errors ?? []).map((e) => e.message);
  // TimelessDate is a custom scalar the SDL cannot describe: Linear takes YYYY-MM-DD.
  const due = (variables.input as { dueDate?: unknown } | undefined)?.dueDate;
  if (due !== undefined && !(typeof due === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(due)))
    problems.push(`dueDate ${JSON.stringify(due)} is not a TimelessDate`);
  return { problems, document, operation };
}

export function linearFetch(
  respond: (operation: SeenOperation) => LinearAnswer | Promise<LinearAnswer>,
  endpoint = 'https://api.linear.app/graphql',
) {
  const violations: string[] = [];
  const seen: SeenOperation[] = [];
  const fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    if (init.signal?.aborted) throw init.signal.reason;
    const headers = new Headers(init.headers);
    const refuse = (message: string) => (
      violations.push(message),
      Response.json({ errors: [{ message: `contract: ${message}` }] }, { status: 400 })
    );
    if (String(input) !== endpoint) return refuse(`sent to ${String(input)}, not ${endpoint}`);
    if (init.method !== 'POST' || headers.get('content-type') !== 'application/json') return refuse('not a JSON POST');
    const authorization = headers.get('authorization') ?? '';
    if (!authorization) return refuse('no authorization header');
    const { query, variables = {} } = JSON.parse(String(init.body)) as {
      query: string;
      variables?: Record<string, unknown>;
    };
    const { problems, document, operation } = checkOperation(query, variables);
    if (problems.length > 0) return refuse(problems.join('; '));
    const entry = { name: operation!.name?.value ?? '(anonymous)', variables, authorization };
    seen.push(entry);
    const answer = await respond(entry);
    if (!('root' in answer))
      return new Response(JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'content-type': 'application/json', ...answer.headers },
      });
    const result = await execute({
      schema: linearSchema(),
      document: document!,
      rootValue: answer.root,
      variableValues: variables,
    });
    if (result.errors?.length)
      violations.push(
        `fixture for ${entry.name} does not fit Linear's schema: ${result.errors.map((e) => e.message).join('; ')}`,
      );
    return Response.json(result);
  };
  return { fetch: fetch as typeof globalThis.fetch, violations, seen };
}

export function linearFixture(name: string): unknown {
  return JSON.parse(readFileSync(join(LINEAR_FIXTURES, name), 'utf8'));
}
