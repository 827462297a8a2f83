import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { InvalidInputError } from './domain-errors';

/**
 * Deeper than any request the API takes (the deepest DTO nests three levels) and far below what
 * would overflow the stack of the validators, which walk the input recursively.
 */
export const MAX_INPUT_DEPTH = 16;

/** Enough for the caller to see what is wrong without a hostile request making the answer huge. */
const MAX_PROBLEMS = 20;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(text: string): string | null {
  // PostgreSQL cannot store U+0000 in text (22021), and the validators hand strings to
  // encodeURI, which throws on half a surrogate pair.
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text: it holds half of a surrogate pair';
  return null;
}

/**
 * What is wrong with input whatever the endpoint: text PostgreSQL or the validators cannot take,
 * or nesting deeper than MAX_INPUT_DEPTH. Keyed by field path like the validation errors; the
 * walk is iterative and stops at the depth limit, so a hostile body cannot overflow it either.
 */
export function hostileInputProblems(input: unknown): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const add = (path: string, problem: string): void => {
    const key = path || 'body';
    if (!problems[key] && Object.keys(problems).length >= MAX_PROBLEMS) return;
    if (!problems[key]?.includes(problem)) (problems[key] ??= []).push(problem);
  };
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: input, path: '', depth: 0 }];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) add(path, problem);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      add(path.split('.')[0], `is nested too deeply (more than ${MAX_INPUT_DEPTH} levels)`);
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      const keyProblem = textProblem(key);
      if (keyProblem) add(path || 'body', `has a field name that ${keyProblem}`);
      else pending.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return problems;
}

/**
 * Fastify `preValidation` hook: refuses such input for every route before any pipe, validator or
 * SQL sees it, with the usual 400 (the error goes through the one exception filter).
 */
export function refuseHostileInput(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const problems = {
    ...hostileInputProblems(request.params),
    ...hostileInputProblems(request.query),
    ...hostileInputProblems(request.body),
  };
  if (Object.keys(problems).length > 0) done(new InvalidInputError('Some fields are invalid', { details: problems }));
  else done();
}
