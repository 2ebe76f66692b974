/** The mechanical 3.1 → 3.0.3 rewrite of JSON Schemas (src/serve/openapi30.ts), keyword by keyword. */
import { describe, expect, it } from 'vitest';
import { openApi30, schema30 } from '../../src/serve/openapi30.js';

describe('schema30', () => {
  it('turns a nullable type list into nullable: true', () => {
    expect(schema30({ type: ['string', 'null'], pattern: '^\\d+$' })).toEqual({ type: 'string', pattern: '^\\d+$', nullable: true });
    expect(schema30({ type: ['integer'] })).toEqual({ type: 'integer' });
  });
  it('turns anyOf [S, null] into S, nullable; a $ref so wrapped stays an allOf of one', () => {
    expect(schema30({ anyOf: [{ type: 'string', enum: ['a', 'b'] }, { type: 'null' }], description: 'd' })).toEqual({ type: 'string', enum: ['a', 'b'], description: 'd', nullable: true });
    expect(schema30({ anyOf: [{ $ref: '#/components/schemas/X' }, { type: 'null' }] })).toEqual({ allOf: [{ $ref: '#/components/schemas/X' }], nullable: true });
    expect(schema30({ anyOf: [{ type: 'string' }, { type: 'integer' }, { type: 'null' }] })).toEqual({ anyOf: [{ type: 'string' }, { type: 'integer' }], nullable: true });
  });
  it('const → a one-value enum, examples → example, contentMediaType → binary, numeric exclusive bounds → boolean ones', () => {
    expect(schema30({ type: 'boolean', const: true })).toEqual({ type: 'boolean', enum: [true] });
    expect(schema30({ type: 'string', examples: ['x', 'y'] })).toEqual({ type: 'string', example: 'x' });
    expect(schema30({ type: 'string', contentMediaType: 'text/csv' })).toEqual({ type: 'string', format: 'binary' });
    expect(schema30({ type: 'number', exclusiveMinimum: 0 })).toEqual({ type: 'number', minimum: 0, exclusiveMinimum: true });
  });
  it('a $ref with siblings becomes an allOf of one; $schema and $id go', () => {
    expect(schema30({ $ref: '#/a', description: 'd' })).toEqual({ allOf: [{ $ref: '#/a' }], description: 'd' });
    expect(schema30({ $schema: 'x', $id: 'y', type: 'object' })).toEqual({ type: 'object' });
  });
  it('rewrites at every depth: properties, items, additionalProperties, unions', () => {
    const s = schema30({ type: 'object', properties: { a: { type: 'array', items: { type: ['string', 'null'] } } }, additionalProperties: { oneOf: [{ const: 'x' }, { const: 'y' }] } });
    expect(s).toEqual({ type: 'object', properties: { a: { type: 'array', items: { type: 'string', nullable: true } } }, additionalProperties: { oneOf: [{ enum: ['x'] }, { enum: ['y'] }] } });
  });
  it('refuses what 3.0 cannot say, rather than dropping it', () => {
    expect(() => schema30({ type: 'array', prefixItems: [{ type: 'string' }] })).toThrow(/prefixItems/);
    expect(() => schema30({ type: 'object', patternProperties: { '^x': {} } })).toThrow(/patternProperties/);
    expect(() => schema30({ type: ['string', 'integer'] })).toThrow(/type/);
    expect(() => schema30({ properties: { a: { type: 'null' } } })).toThrow(/null/);
  });
});

describe('openApi30', () => {
  it('rewrites the version, the license and every schema of paths and components, leaving the rest', () => {
    const d = openApi30({
      openapi: '3.1.0',
      info: { title: 't', version: '1', license: { name: 'MIT', identifier: 'MIT' } },
      paths: { '/x': { get: { parameters: [{ name: 'q', in: 'query', schema: { type: ['string', 'null'] } }], responses: { '200': { description: 'ok', content: { 'application/json': { schema: { const: 1 }, examples: { a: { value: 1 } } } } } } } } },
      components: { schemas: { A: { type: ['integer', 'null'] } } },
    });
    expect(d).toEqual({
      openapi: '3.0.3',
      info: { title: 't', version: '1', license: { name: 'MIT' } },
      paths: { '/x': { get: { parameters: [{ name: 'q', in: 'query', schema: { type: 'string', nullable: true } }], responses: { '200': { description: 'ok', content: { 'application/json': { schema: { enum: [1] }, examples: { a: { value: 1 } } } } } } } } },
      components: { schemas: { A: { type: 'integer', nullable: true } } },
    });
  });
});
