import type { ViolationRule } from './types.js';

export interface FieldError {
  path: readonly (string | number)[];
  code: string;
  message: string;
}

interface NestedErrors {
  [key: string]: NestedErrors | { code: string; message: string }[];
}

export interface DiscordErrorBody {
  message: string;
  code: number;
  errors?: NestedErrors;
}

/** A response the fake gives instead of success; `rule` marks it as a recorded violation. */
export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: DiscordErrorBody,
    readonly rule: ViolationRule | undefined,
    readonly detail: string = body.message,
  ) {
    super(detail);
  }
}

export function invalidFormBody(errors: readonly FieldError[], rule: ViolationRule = 'invalid-form-body'): DiscordHttpError {
  const detail = errors.map((error) => `${error.path.join('.')}[${error.code}]: ${error.message}`).join('; ');
  return new DiscordHttpError(400, { message: 'Invalid Form Body', code: 50035, errors: nestErrors(errors) }, rule, detail);
}

/** Same shape as the real API, which discord.js flattens into `content[BASE_TYPE_MAX_LENGTH]: …`. */
function nestErrors(errors: readonly FieldError[]): NestedErrors {
  const root: NestedErrors = {};
  for (const { path, code, message } of errors) {
    let node = root;
    for (const segment of path) {
      const key = String(segment);
      const child = node[key];
      if (child === undefined || Array.isArray(child)) node[key] = {};
      node = node[key] as NestedErrors;
    }
    const list = node['_errors'];
    if (Array.isArray(list)) list.push({ code, message });
    else node['_errors'] = [{ code, message }];
  }
  return root;
}

export const unknownInteraction = (rule: ViolationRule, detail: string): DiscordHttpError =>
  new DiscordHttpError(404, { message: 'Unknown interaction', code: 10062 }, rule, detail);

export const alreadyAcknowledged = (): DiscordHttpError =>
  new DiscordHttpError(
    400,
    { message: 'Interaction has already been acknowledged.', code: 40060 },
    'already-acknowledged',
    'second initial callback for the same interaction',
  );

export const unknownMessage = (rule: ViolationRule, detail: string): DiscordHttpError =>
  new DiscordHttpError(404, { message: 'Unknown Message', code: 10008 }, rule, detail);

export const unknownWebhook = (rule: ViolationRule, detail: string): DiscordHttpError =>
  new DiscordHttpError(404, { message: 'Unknown Webhook', code: 10015 }, rule, detail);

export const invalidWebhookToken = (): DiscordHttpError =>
  new DiscordHttpError(401, { message: 'Invalid Webhook Token', code: 50027 }, 'expired-token', 'interaction token older than its lifetime');

export const emptyMessage = (): DiscordHttpError =>
  new DiscordHttpError(400, { message: 'Cannot send an empty message', code: 50006 }, 'empty-message');

export const unauthorized = (detail: string): DiscordHttpError =>
  new DiscordHttpError(401, { message: '401: Unauthorized', code: 0 }, 'unauthorized', detail);

export const missingAccess = (detail: string): DiscordHttpError =>
  new DiscordHttpError(403, { message: 'Missing Access', code: 50001 }, 'missing-access', detail);

export const notFound = (): DiscordHttpError => new DiscordHttpError(404, { message: '404: Not Found', code: 0 }, undefined);
