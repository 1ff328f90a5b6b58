import { loadManagementRoot } from './management-proto';
import { fieldForKey, jsonToProto, protoToJson, scalarValue } from './proto-json.mapper';

describe('proto3 JSON mapping', () => {
  const root = loadManagementRoot();
  const endpoint = root.lookupType('webhooks.v1.Endpoint');
  const message = root.lookupType('webhooks.v1.Message');

  it('accepts proto names and lowerCamelCase names', () => {
    expect(fieldForKey(endpoint, 'event_types')?.name).toBe('event_types');
    expect(fieldForKey(endpoint, 'eventTypes')?.name).toBe('event_types');
    expect(fieldForKey(endpoint, 'EventTypes')).toBeUndefined();
  });

  it('answers in snake_case with defaults, int64 as a string, unset messages omitted', () => {
    const json = protoToJson(endpoint, endpoint.fromObject({ id: 'ep_1', version: '9007199254740993' }));
    expect(json).toMatchObject({ id: 'ep_1', version: '9007199254740993', event_types: [], disabled: false, url: '' });
    expect(json).not.toHaveProperty('retry_policy');
    expect(json).not.toHaveProperty('eventTypes');
  });

  it('round-trips bytes as base64 (URL-safe accepted)', () => {
    const fields = jsonToProto(message, { payload: 'eyJhIjoxfQ==' });
    expect(fields.payload).toEqual(Buffer.from('{"a":1}'));
    expect(jsonToProto(message, { payload: '-_8=' }).payload).toEqual(Buffer.from([0xfb, 0xff]));
    expect(protoToJson(message, message.fromObject(fields)).payload).toBe('eyJhIjoxfQ==');
    expect(() => jsonToProto(message, { payload: 'not base64!' })).toThrow('payload: must be base64');
  });

  it('checks scalars', () => {
    expect(scalarValue('int64', '-12', 'v')).toBe('-12');
    expect(scalarValue('int64', 12, 'v')).toBe('12');
    expect(() => scalarValue('uint64', '-1', 'v')).toThrow('v: must be a non-negative integer');
    expect(scalarValue('double', '0.5', 'v')).toBe(0.5);
    expect(scalarValue('double', 'NaN', 'v')).toBeNaN();
    expect(() => scalarValue('double', 'x', 'v')).toThrow('v: must be a number');
    expect(() => scalarValue('bool', 'true', 'v')).toThrow('v: must be true or false');
    expect(() => scalarValue('int32', 1.5, 'v')).toThrow('v: must be an integer');
  });

  it('treats null as unset and checks arrays and maps', () => {
    expect(jsonToProto(endpoint, { url: null })).toEqual({});
    expect(() => jsonToProto(endpoint, { event_types: 'a' })).toThrow('event_types: must be an array');
    expect(() => jsonToProto(endpoint, { event_types: ['a', 1] })).toThrow('event_types[1]: must be a string');
    expect(() => jsonToProto(endpoint, { headers: { a: 1 } })).toThrow('headers.a: must be a string');
  });
});
