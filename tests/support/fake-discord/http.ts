import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RecordedFile } from './types.js';

export interface ParsedBody {
  json: unknown;
  files: RecordedFile[];
}

export async function readRequestBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export class BodyParseError extends Error {}

/** discord.js sends JSON, or multipart/form-data with a `payload_json` part when files are attached. */
export function parseBody(raw: Buffer, contentType: string | undefined): ParsedBody {
  if (raw.length === 0) return { json: undefined, files: [] };
  const type = contentType?.toLowerCase() ?? '';
  if (type.startsWith('multipart/form-data')) return parseMultipart(raw, type);
  try {
    return { json: JSON.parse(raw.toString('utf8')) as unknown, files: [] };
  } catch {
    throw new BodyParseError('The request body contains invalid JSON.');
  }
}

interface MultipartPart {
  name: string;
  filename: string | undefined;
  contentType: string | undefined;
  data: Buffer;
}

function parseMultipart(raw: Buffer, contentType: string): ParsedBody {
  const boundaryMatch = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = boundaryMatch?.[1] ?? boundaryMatch?.[2];
  if (!boundary) throw new BodyParseError('multipart body without boundary');

  const parts = splitMultipart(raw, boundary);
  let json: unknown;
  const files: RecordedFile[] = [];
  for (const part of parts) {
    if (part.name === 'payload_json') {
      try {
        json = JSON.parse(part.data.toString('utf8')) as unknown;
      } catch {
        throw new BodyParseError('payload_json contains invalid JSON.');
      }
    } else if (part.filename !== undefined) {
      files.push({ field: part.name, filename: part.filename, contentType: part.contentType, size: part.data.length });
    }
  }
  return { json, files };
}

function splitMultipart(raw: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let cursor = raw.indexOf(delimiter);
  while (cursor !== -1) {
    const start = cursor + delimiter.length;
    if (raw.subarray(start, start + 2).toString() === '--') break;
    const next = raw.indexOf(delimiter, start);
    if (next === -1) break;
    // Each part is framed by CRLF after the delimiter and CRLF before the next one.
    const part = raw.subarray(start + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) parts.push(parsePart(part.subarray(0, headerEnd).toString('utf8'), part.subarray(headerEnd + 4)));
    cursor = next;
  }
  return parts;
}

function parsePart(headerText: string, data: Buffer): MultipartPart {
  let name = '';
  let filename: string | undefined;
  let contentType: string | undefined;
  for (const line of headerText.split('\r\n')) {
    const [key = '', ...rest] = line.split(':');
    const value = rest.join(':').trim();
    if (key.toLowerCase() === 'content-disposition') {
      name = /\bname="([^"]*)"/i.exec(value)?.[1] ?? '';
      filename = /\bfilename="([^"]*)"/i.exec(value)?.[1];
    } else if (key.toLowerCase() === 'content-type') {
      contentType = value;
    }
  }
  return { name, filename, contentType, data };
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

export function sendNoContent(response: ServerResponse): void {
  response.writeHead(204);
  response.end();
}
