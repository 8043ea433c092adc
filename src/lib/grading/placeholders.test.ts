import { describe, expect, it } from 'vitest';
import { PlaceholderError, fillText, parseExpression, placeholdersIn, resolvePlaceholders, type Lookup } from './placeholders';

const values: Record<string, unknown> = { 'drawer.drawerId': 'DRW-000532', today: '2026-11-16', 'start.account': { number: '100-0637' }, n: 3 };
const lookup: Lookup = (expr) => (expr in values ? { ok: true, value: values[expr] } : { ok: false, message: `unknown ${expr}` });

describe('placeholders', () => {
	it('parses the built-ins and step paths', () => {
		expect(parseExpression('today')).toEqual({ ok: true, value: { kind: 'today', offset: 0 } });
		expect(parseExpression('today - 10')).toEqual({ ok: true, value: { kind: 'today', offset: -10 } });
		expect(parseExpression('trainee.name')).toEqual({ ok: true, value: { kind: 'trainee', field: 'name' } });
		expect(parseExpression('standardFloat')).toEqual({ ok: true, value: { kind: 'standard-float' } });
		expect(parseExpression('pay.lines.0.ref')).toEqual({ ok: true, value: { kind: 'step', name: 'pay', path: ['lines', 0, 'ref'] } });
	});

	it('refuses what is not a placeholder', () => {
		for (const bad of ['drawer', 'Drawer.id', 'a..b', 'today*2', 'trainee.email', '']) expect(parseExpression(bad).ok).toBe(false);
	});

	it('finds every placeholder once, deep in values', () => {
		expect(placeholdersIn({ a: ['{{ today }} and {{drawer.drawerId}}'], b: { c: '{{today}}' }, d: 5 })).toEqual(['today', 'drawer.drawerId']);
	});

	it('a whole-value placeholder keeps its type; text gets the value written in', () => {
		expect(resolvePlaceholders({ counts: '{{start.account}}', n: '{{n}}', note: 'Drawer {{drawer.drawerId}} on {{today}}' }, lookup)).toEqual({
			counts: { number: '100-0637' },
			n: 3,
			note: 'Drawer DRW-000532 on 2026-11-16'
		});
	});

	it('throws PlaceholderError naming what it cannot resolve', () => {
		expect(() => resolvePlaceholders({ a: '{{nope.x}}' }, lookup)).toThrow(PlaceholderError);
		expect(() => resolvePlaceholders({ a: 'see {{start.account}}' }, lookup)).toThrow(/only be used as a whole value/);
	});

	it('fills text, escaping for HTML, and leaves unknown placeholders as written', () => {
		expect(fillText('<p>{{drawer.drawerId}} {{other.x}}</p>', { 'drawer.drawerId': '<b>&' }, { html: true })).toBe('<p>&lt;b&gt;&amp; {{other.x}}</p>');
		expect(fillText('{{ today }}', { today: '2026-11-16' })).toBe('2026-11-16');
	});
});
