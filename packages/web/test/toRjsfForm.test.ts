import { describe, expect, it } from 'vitest';
import { defaultValues, splitUiHints, toRjsfPages } from '../src/features/wizard/provide/toRjsfForm';

describe('splitUiHints', () => {
  it('moves inline ui:* hints into a uiSchema; secrets become password inputs; custom fields fall back', () => {
    const { schema, uiSchema } = splitUiHints({
      type: 'object',
      required: ['table'],
      properties: {
        table: { type: 'string', title: 'Table', 'ui:autofocus': true, 'ui:help': 'The table to read' },
        token: { type: 'string', 'ui:field': 'Secret' },
        password: { type: 'string', format: 'password' },
        owner: { type: 'string', 'ui:field': 'OwnerPicker', 'ui:options': { allowedKinds: ['Group'] } },
        notes: { type: 'string', 'ui:widget': 'textarea' },
        color: { type: 'string', 'ui:widget': 'FancyColorPicker' },
        tags: { type: 'array', items: { type: 'string', 'ui:placeholder': 'tag' } },
      },
    });
    expect(schema).toEqual({
      type: 'object',
      required: ['table'],
      properties: {
        table: { type: 'string', title: 'Table' },
        token: { type: 'string' },
        password: { type: 'string' },
        owner: { type: 'string' },
        notes: { type: 'string' },
        color: { type: 'string' },
        tags: { type: 'array', items: { type: 'string' } },
      },
    });
    expect(uiSchema).toEqual({
      table: { 'ui:autofocus': true, 'ui:help': 'The table to read' },
      token: { 'ui:widget': 'password' },
      password: { 'ui:widget': 'password' },
      owner: { 'ui:options': { allowedKinds: ['Group'] } },
      notes: { 'ui:widget': 'textarea' },
      tags: { items: { 'ui:placeholder': 'tag' } },
    });
  });
});

describe('toRjsfPages', () => {
  it('gives one RJSF page per template page, with its title and required list', () => {
    const pages = toRjsfPages({
      schema: { type: 'object', properties: { a: { type: 'string', default: 'x' }, b: { type: 'integer' } }, required: ['a'] },
      secretFields: [],
      pages: [
        { title: 'Table', required: ['a'], properties: { a: { type: 'string', default: 'x' } } },
        { title: 'Credentials', required: [], properties: { b: { type: 'integer', 'ui:widget': 'updown' } } },
      ],
    });
    expect(pages).toEqual([
      { title: 'Table', schema: { type: 'object', required: ['a'], properties: { a: { type: 'string', default: 'x' } } }, uiSchema: {} },
      { title: 'Credentials', schema: { type: 'object', required: [], properties: { b: { type: 'integer' } } }, uiSchema: { b: { 'ui:widget': 'updown' } } },
    ]);
    expect(defaultValues({ schema: { properties: { a: { default: 'x' }, b: {} } }, secretFields: [], pages: [] })).toEqual({ a: 'x' });
  });

  it('renders an empty form for a template without parameters', () => {
    expect(toRjsfPages({ schema: { type: 'object', properties: {} }, secretFields: [], pages: [] })).toEqual([
      { title: null, schema: { type: 'object', required: [], properties: {} }, uiSchema: {} },
    ]);
  });
});
