/**
 * The same OpenAPI document rendered as OpenAPI 3.0.3, for client generators
 * that predate 3.1 (openapi-generator up to 6.x reads 3.0 only). A mechanical
 * rewrite of the 3.1 document's JSON Schemas into 3.0's dialect, nothing
 * added or left out: `type: [T, "null"]` and `anyOf: [S, {type: "null"}]`
 * become `nullable: true`, `const` a one-value `enum`, a `$ref` with
 * siblings an `allOf` of one, schema `examples` an `example`, a string's
 * `contentMediaType` `format: binary`. A 3.1 construct 3.0 cannot say is an
 * error, so the rendering never silently loses meaning.
 *
 * @module
 */

type Json = Record<string, unknown>;

const isObj = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNull = (s: unknown) => isObj(s) && s.type === 'null' && Object.keys(s).every((k) => k === 'type' || k === 'description');

/** Keywords of JSON Schema 2020-12 with no 3.0 equivalent. */
const UNSAYABLE = ['prefixItems', 'patternProperties', 'propertyNames', '$defs', 'dependentRequired', 'dependentSchemas', 'unevaluatedProperties', 'unevaluatedItems', 'contains', 'if', 'then', 'else', '$dynamicRef'];

/** Adds `nullable: true` (an enum is left without `null`: generators of 3.0 clients fail on it, and read `nullable` as allowing it). */
const nullable = (s: Json): Json => ({ ...s, nullable: true });

/**
 * One JSON Schema (2020-12, as zod writes it) in OpenAPI 3.0's dialect.
 *
 * @example
 * schema30({ type: ['string', 'null'], pattern: '^\\d+$' }) // { type: 'string', pattern: '^\\d+$', nullable: true }
 */
export function schema30(s: unknown): unknown {
  if (!isObj(s)) return s;
  for (const k of UNSAYABLE) if (k in s) throw new Error(`OpenAPI 3.0 cannot express "${k}"`);
  let out: Json = {};
  let isNullable = false;
  for (const [k, v] of Object.entries(s)) {
    if (k === '$schema' || k === '$id') continue;
    if (k === 'properties' && isObj(v)) out.properties = Object.fromEntries(Object.entries(v).map(([p, ps]) => [p, schema30(ps)]));
    else if ((k === 'items' || k === 'not' || k === 'additionalProperties') && isObj(v)) out[k] = schema30(v);
    else if ((k === 'anyOf' || k === 'oneOf' || k === 'allOf') && Array.isArray(v)) {
      const rest = v.filter((x) => !isNull(x));
      if (rest.length < v.length) isNullable = true;
      if (rest.length === 1 && k !== 'allOf') {
        // One schema left: it is the schema (a $ref is kept as an allOf of one, which may carry nullable).
        const only = schema30(rest[0]) as Json;
        out = { ...out, ...(only.$ref ? { allOf: [only] } : only) };
      } else out[k] = rest.map(schema30);
    } else if (k === 'type' && Array.isArray(v)) {
      const types = v.filter((t) => t !== 'null');
      if (types.length < v.length) isNullable = true;
      if (types.length !== 1) throw new Error(`OpenAPI 3.0 cannot express type ${JSON.stringify(v)}`);
      out.type = types[0];
    } else if (k === 'type' && v === 'null') throw new Error('OpenAPI 3.0 cannot express a schema of type "null" alone');
    else if (k === 'const') {
      if (v === null) isNullable = true;
      out.enum = [v];
    } else if (k === 'examples' && Array.isArray(v)) {
      if (v.length) out.example = v[0];
    } else if (k === 'contentMediaType') out.format = 'binary';
    else if ((k === 'exclusiveMinimum' || k === 'exclusiveMaximum') && typeof v === 'number') {
      out[k === 'exclusiveMinimum' ? 'minimum' : 'maximum'] = v;
      out[k] = true;
    } else out[k] = v;
  }
  if (out.$ref && Object.keys(out).length > 1) {
    const { $ref, ...rest } = out;
    out = { allOf: [{ $ref }], ...rest };
  }
  return isNullable ? nullable(out) : out;
}

/** Rewrites every `schema` of a paths object (parameters, bodies, responses, headers). */
function pathSchemas(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(pathSchemas);
  if (!isObj(x)) return x;
  return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, k === 'schema' ? schema30(v) : pathSchemas(v)]));
}

/**
 * The 3.0.3 rendering of a 3.1 document of this service.
 *
 * @example
 * openApi30(openApiDocument({ registry, token: false, limits })).openapi // '3.0.3'
 */
export function openApi30(doc: Json): Json {
  const info = { ...(doc.info as Json) };
  if (isObj(info.license)) {
    const { identifier: _, ...license } = info.license;
    info.license = license;
  }
  const components = { ...(doc.components as Json) };
  components.schemas = Object.fromEntries(Object.entries(components.schemas as Json).map(([id, s]) => [id, schema30(s)]));
  return { ...doc, openapi: '3.0.3', info, paths: pathSchemas(doc.paths), components };
}
