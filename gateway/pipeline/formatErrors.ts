import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

export interface FormattedErrors {
  errors: GraphQLFormattedError[];
  /** Set by an error's `extensions.http` (removed from what the client sees). */
  status: number | undefined;
  headers: [string, string][];
}

/**
 * Apollo Server's `normalizeAndFormatErrors`, for answers the gateway serves
 * without it (pipeline/createFastPath.ts): the same codes, the same
 * `extensions.http` handling, the same stack traces when details are
 * exposed, then the gateway's `formatError`. A formatter that throws yields
 * the generic internal error, as there.
 */
export function formatErrors(errors: readonly unknown[], options: { formatError: FormatError; includeStacktrace: boolean }): FormattedErrors {
  const result: FormattedErrors = { errors: [], status: undefined, headers: [] };
  for (const error of errors) {
    try {
      result.errors.push(options.formatError(enrich(error, options.includeStacktrace, result), error));
    } catch (formattingError) {
      result.errors.push(
        options.includeStacktrace
          ? enrich(formattingError, true, result)
          : { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      );
    }
  }
  return result;
}

function enrich(maybeError: unknown, includeStacktrace: boolean, into: FormattedErrors): GraphQLFormattedError {
  const error = asGraphQLError(maybeError);
  const extensions: Record<string, unknown> = { ...error.extensions, code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR' };
  const http = extensions.http as { status?: unknown; headers?: unknown } | undefined;
  if (isHttpHead(http)) {
    if (typeof http.status === 'number' && http.status) into.status = http.status;
    if (http.headers instanceof Map) for (const [name, value] of http.headers as Map<string, string>) into.headers.push([name.toLowerCase(), value]);
    delete extensions.http;
  }
  if (includeStacktrace) extensions.stacktrace = error.stack?.split('\n');
  return { ...error.toJSON(), extensions };
}

function isHttpHead(value: unknown): value is { status?: unknown; headers?: unknown } {
  if (typeof value !== 'object' || value === null) return false;
  const head = value as { status?: unknown; headers?: unknown };
  return (!('status' in head) || typeof head.status === 'number') && (!('headers' in head) || head.headers instanceof Map);
}

function asGraphQLError(maybeError: unknown): GraphQLError {
  const error = maybeError instanceof Error ? maybeError : new GraphQLError(`Unexpected error value: ${String(maybeError)}`);
  return error instanceof GraphQLError ? error : new GraphQLError(error.message, { originalError: error });
}
