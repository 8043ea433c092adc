// Keyboard-only driving for the workstation tests: focus moves only with Tab / Shift+Tab, fields are
// filled by typing, buttons and links fire with Enter, boxes toggle with Space, lists move with arrows.
// Locators are used only to ask where the focus is and what a field holds, never to click.
import type { Locator, Page } from '@playwright/test';

export class Keys {
	constructor(readonly page: Page) {}

	async isFocused(target: Locator): Promise<boolean> {
		return target.evaluate((el) => el === document.activeElement);
	}

	/** Tab forward until `target` has the focus. */
	async focus(target: Locator, max = 400): Promise<void> {
		await target.waitFor();
		// Count the Tab presses from the document order first, then press them without asking after
		// each one (asking is the slow part); the check loop below finishes the job either way.
		const ahead = await target.evaluate((el) => {
			const tabbable = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')].filter(
				(e) =>
					e.tabIndex >= 0 &&
					!(e as HTMLButtonElement).disabled &&
					e.getClientRects().length > 0 &&
					!(e instanceof HTMLInputElement && e.type === 'radio' && !e.checked && document.querySelector(`input[type=radio][name="${CSS.escape(e.name)}"]:checked`)) &&
					!(e instanceof HTMLInputElement && e.type === 'hidden')
			);
			const from = tabbable.indexOf(document.activeElement as HTMLElement);
			const to = tabbable.indexOf(el as HTMLElement);
			return to > from ? to - from - 1 : 0;
		});
		for (let i = 0; i < ahead; i++) await this.page.keyboard.press('Tab');
		for (let i = 0; i < max; i++) {
			if (await this.isFocused(target)) return;
			await this.page.keyboard.press('Tab');
		}
		throw new Error(`Tab never reached ${target}`);
	}

	async fill(target: Locator, text: string): Promise<void> {
		await this.focus(target);
		await this.page.keyboard.press('ControlOrMeta+A');
		await this.page.keyboard.press('Backspace');
		await this.page.keyboard.type(text);
	}

	async press(target: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
		await this.focus(target);
		await this.page.keyboard.press(key);
	}

	/** Arrow through a select (or radio group) until it holds `value`. */
	async choose(target: Locator, value: string, max = 40): Promise<void> {
		await this.focus(target);
		for (let i = 0; i < max; i++) {
			if ((await target.inputValue()) === value) return;
			await this.page.keyboard.press('ArrowDown');
		}
		throw new Error(`${target} never reached ${value}`);
	}

	/** A single-key shortcut of the workstation (the focus must not be in a field). */
	async shortcut(key: string): Promise<void> {
		await this.page.keyboard.press(key);
	}
}
