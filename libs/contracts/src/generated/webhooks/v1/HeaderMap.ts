// Original file: proto/webhooks/v1/management.proto


export interface HeaderMap {
  'values'?: ({[key: string]: string});
}

export interface HeaderMap__Output {
  'values': ({[key: string]: string});
}
