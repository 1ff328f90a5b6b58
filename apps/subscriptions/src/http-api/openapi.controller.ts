import { Controller, Get, Inject } from '@nestjs/common';
import type { OpenApiDocument } from './openapi-document';

export const OPENAPI_DOCUMENT = Symbol('OPENAPI_DOCUMENT');

/** `GET /openapi.json`: the document built at start-up from the same descriptors the gateway routes by. */
@Controller()
export class OpenApiController {
  constructor(@Inject(OPENAPI_DOCUMENT) private readonly document: OpenApiDocument) {}

  @Get('openapi.json')
  get(): OpenApiDocument {
    return this.document;
  }
}
